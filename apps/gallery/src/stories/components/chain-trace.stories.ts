// drawChainTrace: MCMC chains, one coordinate against the iteration.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { chainLegend, createPlotFrame, drawAxes, drawChainTrace, drawLegendRow, drawTitle, seriesDomains, traceSeries } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { stack, storyRun } from '../../pipelines.js';
import { componentDocs, optionOf, range, select, usage } from '../controls.js';

const meta: Meta = {
  title: 'Components/Chain trace',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawChainTrace(ctx, frame, chains, options?)` draws one coordinate of each MCMC chain against the iteration, in categorical colours. A well-mixing chain looks like stationary noise; a stuck one like a flat line or a slow drift. Its legend sits in the frame\'s corner, where it may cover traces: draw `chainLegend(n)` with `drawLegendRow` in a strip of its own instead.',
  ),
};
export default meta;

const WIDTH = 720;
const TITLE = 30;
const LEGEND = 20;
const PANEL = 210;

interface ChainTraceArgs {
  chains: number;
  steps: number;
  leapfrogSteps: number;
  legend: 'row above' | 'in the corner' | 'none';
  lineWidth: number;
}

/** HMC chains on the banana after 100 warm-up iterations, both coordinates, under a title and a legend row of their own. */
export const HmcOnTheBanana: StoryObj<ChainTraceArgs> = {
  name: 'HMC chains on the banana',
  args: { chains: 4, steps: 300, leapfrogSteps: 5, legend: 'row above', lineWidth: 1 },
  argTypes: {
    chains: range('How many chains run (started from N(0, 9 I)).', 1, 10, 1),
    steps: range('Iterations kept after the warm-up.', 50, 2000, 50),
    leapfrogSteps: range('Leapfrog steps per HMC iteration: more move further and mix faster.', 1, 20, 1),
    legend: optionOf(
      'drawChainTrace',
      select("`legend`: `true` puts it in the frame's top-right corner (2 to 8 chains by default); `false` leaves it out. Here `row above` passes `false` and draws `chainLegend(n)` with `drawLegendRow` under the title.", ['row above', 'in the corner', 'none']),
      'boolean',
      '2 to 8 chains',
    ),
    lineWidth: optionOf('drawChainTrace', range('`lineWidth` in canvas pixels.', 0.5, 3, 0.25), 'number', '1'),
  },
  parameters: usage("drawLegendRow(ctx, { x: 0, y: 30, width: 720, height: 20 }, chainLegend(4));\ndrawChainTrace(ctx, frame, trajectoriesOf(snapshots, 4), { coordinate: 0, legend: false });"),
  render: (args) => {
    const row = args.legend === 'row above' ? LEGEND : 0;
    const height = TITLE + row + 2 * PANEL;
    return figure(WIDTH, height, async (ctx, canvas) => {
      const { create, sample } = storyRun(args.chains);
      const snapshots = await sample(
        create('data-source', { type: 'gaussian', std: 3 }),
        create('stage', { type: 'hmc', target: { type: 'banana' }, warmup: 100, steps: args.steps, leapfrogSteps: args.leapfrogSteps }),
      );
      const chains = stack(snapshots, args.chains);
      drawTitle(ctx, { x: 0, y: 0, width: WIDTH, height }, `HMC on the banana: ${args.chains} chain${args.chains === 1 ? '' : 's'}, ${args.steps} iterations`);
      if (row > 0) drawLegendRow(ctx, { x: 0, y: TITLE, width: WIDTH, height: LEGEND }, chainLegend(args.chains));
      const boxes = [];
      for (let k = 0; k < 2; k++) {
        const domains = seriesDomains(traceSeries(chains, k)) ?? { x: [0, 1], y: [-1, 1] };
        const box = { x: 0, y: TITLE + row + k * PANEL, width: WIDTH, height: PANEL };
        const frame = createPlotFrame({ box, ...domains, margin: { top: 8, bottom: 36, left: 56, right: 16 } });
        drawChainTrace(ctx, frame, chains, { coordinate: k, lineWidth: args.lineWidth, legend: args.legend === 'in the corner' });
        drawAxes(ctx, frame, { xLabel: k === 1 ? 'iteration' : undefined, yLabel: `x${k + 1}` });
        boxes.push(frame.inner);
      }
      markPlot(canvas, ...boxes);
    });
  },
};
