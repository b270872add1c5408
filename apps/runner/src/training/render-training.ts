import { type Series, createPlotFrame, drawAxes, drawLineChart, font, seriesDomains } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import type { LearnedScoreError, LossHistory } from '@scoreflow/score-nets';

/** The file of a training's figure in its output folder. */
export const TRAINING_PNG = 'training.png';

const LOSS_COLOUR = '#9ecae1';
const AVERAGE_COLOUR = '#08519c';

/**
 * The figure of a training: the DSM loss of every step and its moving average against the step
 * (a log axis when the loss spans more than a factor of 20), and, when the data have an exact
 * score, the learned-vs-exact relative score error against t for the EMA and the raw weights.
 */
export async function renderTraining(file: string, title: string, history: LossHistory, errors?: readonly LearnedScoreError[]): Promise<void> {
  const panels = errors === undefined ? 1 : 2;
  const width = 460 * panels;
  const height = 360;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const margin = { top: 26, left: 64, right: 18, bottom: 40 };
  const loss: Series[] = [
    { name: 'loss of the step', x: history.step, y: history.loss, colour: LOSS_COLOUR, markers: false },
    { name: 'moving average', x: history.step, y: history.average, colour: AVERAGE_COLOUR, markers: false },
  ];
  const positive = history.loss.length > 0 && history.loss.every((v) => v > 0);
  const yLog = positive && Math.max(...history.loss) / Math.min(...history.loss) > 20;
  const lossDomains = seriesDomains(loss, { y: yLog });
  if (lossDomains !== undefined) {
    const frame = createPlotFrame({ box: { x: 0, y: 30, width: width / panels, height: height - 30 }, ...lossDomains, yLog, margin });
    drawLineChart(ctx, frame, loss, { lineWidth: 1.25 });
    drawAxes(ctx, frame, { xLabel: 'training step', yLabel: 'DSM loss', title: 'denoising score matching loss', grid: true });
  }
  if (errors !== undefined && errors.length > 0) {
    const t = errors.map((row) => row.t);
    const error: Series[] = [
      { name: 'EMA weights', x: t, y: errors.map((row) => row.relativeMse), colour: AVERAGE_COLOUR },
      { name: 'raw weights', x: t, y: errors.map((row) => row.relativeMseRaw), colour: LOSS_COLOUR, dash: [5, 3] },
    ];
    const domains = seriesDomains(error, { x: true, y: true });
    if (domains !== undefined) {
      const frame = createPlotFrame({ box: { x: width / 2, y: 30, width: width / 2, height: height - 30 }, ...domains, xLog: true, yLog: true, margin });
      drawLineChart(ctx, frame, error);
      drawAxes(ctx, frame, { xLabel: 't', yLabel: 'E|s_net - s_exact|^2 / E|s_exact|^2', title: 'learned vs exact score over p_t', grid: true });
    }
  }
  ctx.font = font(14, 'bold');
  ctx.fillStyle = '#222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(title, width / 2, 8);
  await savePng(canvas, file);
}
