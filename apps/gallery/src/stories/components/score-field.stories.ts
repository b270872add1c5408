// drawScoreField: a vector field (a score) as arrows.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawDensityHeatmap, drawScoreField, frameArea, gridFromLogDensity, scoreField } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { componentDocs, optionOf, range, select, usage } from '../controls.js';
import { TARGETS, domainOf, targetOf } from './targets.js';

const meta: Meta = {
  title: 'Components/Score field',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawScoreField(ctx, frame, field, options?)` draws a vector field as arrows over whatever the frame holds, typically the density the field belongs to. `scoreField(score, grid, t?)` evaluates a score (grad log p, or a score model at time t) on a grid of points. Scores grow without bound away from the modes, so lengths are scaled up to the 90th percentile.',
  ),
};
export default meta;

interface ScoreFieldArgs {
  target: string;
  arrows: number;
  length: 'scaled' | 'unit';
  colour: string;
  lineWidth: number;
}

/** The score grad log p of the banana or a preset mixture, over its log density: arrows point uphill, towards the modes. */
export const ScoreOverDensity: StoryObj<ScoreFieldArgs> = {
  name: 'Score over its density',
  args: { target: 'banana', arrows: 20, length: 'scaled', colour: 'white', lineWidth: 1.25 },
  argTypes: {
    target: select('The density whose score is drawn: the banana or a preset mixture.', TARGETS),
    arrows: range('Arrows along each axis (`nx`, `ny` of the grid given to `scoreField`).', 5, 40, 1),
    length: optionOf('drawScoreField', select('`length`: `scaled` makes an arrow\'s length proportional to |v| up to the 90th percentile; `unit` shows the direction only.', ['scaled', 'unit']), "'scaled' | 'unit'", "'scaled'"),
    colour: optionOf('drawScoreField', select('`colour` of the arrows.', ['white', 'black', '#1f77b4']), 'string', "'white'"),
    lineWidth: optionOf('drawScoreField', range('`lineWidth` of the arrows in canvas pixels.', 0.5, 3, 0.25), 'number', '1.2'),
  },
  parameters: usage("const field = await scoreField((x, out) => target.gradLogDensity(x, out), { x: [-7, 7], y: [-4, 10], nx: 20, ny: 20 });\ndrawScoreField(ctx, frame, field, { length: 'scaled' });"),
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const target = targetOf(args.target);
      const frame = createPlotFrame({ width: 480, height: 480, ...domainOf(args.target), margin: { top: 30 }, equalAspect: true });
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(target, frameArea(frame, 2)), { map: 'magma' });
      const [x0, x1] = frame.x.domain();
      const [y0, y1] = frame.y.domain();
      const field = await scoreField((p, out) => void target.gradLogDensity(p, out), { x: [x0, x1], y: [y0, y1], nx: args.arrows, ny: args.arrows });
      drawScoreField(ctx, frame, field, { colour: args.colour, length: args.length, lineWidth: args.lineWidth });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `grad log p of ${args.target}` });
      markPlot(canvas, frame.inner);
    }),
};
