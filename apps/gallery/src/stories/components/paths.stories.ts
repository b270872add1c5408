// drawPaths: trajectories as polylines, with their starts (and ends) marked.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawDensityHeatmap, drawPaths, frameArea, gridFromLogDensity } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { stack, storyRun } from '../../pipelines.js';
import { componentDocs, optionOf, range, select, toggle, usage } from '../controls.js';

const meta: Meta = {
  title: 'Components/Paths',
  tags: ['autodocs'],
  parameters: componentDocs(
    "`drawPaths(ctx, frame, trajectories, options?)` draws trajectories (random walks, sampler paths, MCMC chains) as polylines clipped to the frame, then marks where each starts (red dots by default) and, if asked, where it ends. `trajectories` is `{ paths, steps, dim, positions }` with positions snapshot-major, as `trajectoriesOf` stacks a run's snapshots.",
  ),
};
export default meta;

interface PathsArgs {
  paths: number;
  steps: number;
  colour: 'categorical' | 'one colour';
  lineWidth: number;
  opacity: number;
  start: boolean;
  end: boolean;
}

/** Reverse-SDE trajectories of dx = dW with the exact score: N(0, 4.25 I) carried back to the double Gaussian, over its density. */
export const ReverseSdePaths: StoryObj<PathsArgs> = {
  name: 'Reverse-SDE paths',
  args: { paths: 12, steps: 200, colour: 'categorical', lineWidth: 1.25, opacity: 0.85, start: true, end: true },
  argTypes: {
    paths: range('How many particles are followed.', 1, 64, 1),
    steps: range('Euler-Maruyama steps of the reverse SDE (geometric time grid); every step is a snapshot, a vertex of each path.', 10, 1000, 10),
    colour: optionOf('drawPaths', select('`colour`: one CSS colour for every path, or a categorical scheme cycled over the paths.', ['categorical', 'one colour']), 'string | string[]', 'Tableau 10'),
    lineWidth: optionOf('drawPaths', range('`lineWidth` in canvas pixels.', 0.25, 4, 0.25), 'number', '1.25'),
    opacity: optionOf('drawPaths', range('`opacity` of the lines.', 0.1, 1, 0.05), 'number', '0.85'),
    start: optionOf('drawPaths', toggle('`start`: markers at each path\'s first point (`false` for none).'), 'MarkerOptions | false', 'red dots'),
    end: optionOf('drawPaths', toggle('`end`: markers at each path\'s last point (here dark grey).'), 'MarkerOptions | false', 'none'),
  },
  parameters: usage("drawPaths(ctx, frame, trajectoriesOf(snapshots, 12), { end: { colour: '#222' } });"),
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const mixture = { type: 'gaussian-mixture', preset: 'double-gaussian' };
      const { create, sample } = storyRun(args.paths, { sde: { type: 'brownian', g: 1, T: 4 } });
      const snapshots = await sample(
        create('data-source', { type: 'gaussian', std: Math.sqrt(4.25) }),
        create('stage', { type: 'euler-maruyama', score: mixture, grid: { type: 'geometric' }, steps: args.steps, snapshotEvery: 1 }),
      );
      const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 30 }, equalAspect: true });
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(create('target', mixture), frameArea(frame, 2)), { map: 'blues' });
      drawPaths(ctx, frame, stack(snapshots, args.paths), {
        colour: args.colour === 'one colour' ? '#333' : undefined,
        lineWidth: args.lineWidth,
        opacity: args.opacity,
        start: args.start ? {} : false,
        end: args.end ? { colour: '#222' } : false,
      });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `reverse SDE: ${args.paths} paths, ${args.steps} steps` });
      markPlot(canvas, frame.inner);
    }),
};
