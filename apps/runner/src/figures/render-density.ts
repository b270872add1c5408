import { createPlotFrame, drawAxes, drawScoreField, extentOf, scoreField } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type Distribution, drawDistribution } from './draw-distribution.js';
import { type FigureContext, type RenderedFigure, formatT } from './figure-context.js';
import type { DensityFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';

const LIGHT_MAPS = new Set(['blues', 'greys']);

/**
 * A density heatmap (a target's exact log density, or the reference at time t as a KDE) with the
 * arrows of a score model at t over it: the score field of the diffused data. Axes: the
 * figure's domains, else the reference's range at t, else [-5, 5].
 */
export async function renderDensity(planned: PlannedFigure, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as DensityFigure;
  const sample = config.reference && context.referenceAt !== undefined ? context.referenceAt(config.t) : undefined;
  const distribution: Distribution | undefined = planned.target !== undefined ? { target: planned.target } : sample !== undefined ? { sample, dim: context.dim } : undefined;
  const width = config.width ?? (distribution === undefined ? 480 : 560);
  const height = config.height ?? 480;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const x = config.xDomain ?? (sample === undefined ? undefined : extentOf(sample, context.dim, 0, 0.001, 0.08)) ?? [-5, 5];
  const y = config.yDomain ?? (sample === undefined ? undefined : extentOf(sample, context.dim, 1, 0.001, 0.08)) ?? [-5, 5];
  const frame = createPlotFrame({ width, height, x, y, margin: { top: 30, right: distribution === undefined ? 16 : 76 }, equalAspect: true });
  if (distribution !== undefined) drawDistribution(ctx, frame, distribution, config.map, { scale: config.scale, colourBar: true });
  if (planned.score !== undefined) {
    const [x0, x1] = frame.x.domain();
    const [y0, y1] = frame.y.domain();
    const field = await scoreField(planned.score, { x: [x0, x1], y: [y0, y1], nx: config.arrows, ny: config.arrows }, config.t);
    drawScoreField(ctx, frame, field, { colour: distribution === undefined || LIGHT_MAPS.has(config.map) ? '#222' : 'white' });
  }
  const parts = [
    planned.target !== undefined ? `target '${planned.target.name}'` : sample !== undefined ? 'reference' : undefined,
    planned.score !== undefined ? `score '${planned.score.name}'` : undefined,
  ].filter((part) => part !== undefined);
  const title = config.title ?? `${context.run}: ${parts.join(' and ')}${sample !== undefined || planned.score !== undefined ? ` at t = ${formatT(config.t)}` : ''}`;
  drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title });
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}
