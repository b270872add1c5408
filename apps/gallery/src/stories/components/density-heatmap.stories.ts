// drawDensityHeatmap: a density on a grid, through a perceptual colour map.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { COLOUR_MAP_NAMES, type ColourMapName, createPlotFrame, drawAxes, drawDensityHeatmap, frameArea, gridFromLogDensity, histogram2d } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { sampleOf } from '../../pipelines.js';
import { componentDocs, optionOf, range, select, toggle, usage } from '../controls.js';
import { TARGETS, domainOf, sourceOf, targetOf } from './targets.js';

const meta: Meta = {
  title: 'Components/Density heatmap',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawDensityHeatmap(ctx, frame, grid, options?)` colours a density grid over a plot frame: an exact density (`gridFromLogDensity` evaluates a log density at the cell centres) or an estimate from samples (`histogram2d`, optionally smoothed: a KDE). The linear scale shows where the mass is; the log scale shows tails and far modes. An optional colour bar goes in the right margin.',
  ),
};
export default meta;

interface HeatmapArgs {
  target: string;
  source: 'exact density' | 'KDE of samples';
  map: ColourMapName;
  scale: 'linear' | 'log';
  logRange: number;
  colourBar: boolean;
}

/** The banana or a preset mixture: its exact density, or a smoothed histogram of 20,000 samples of it. */
export const ExactOrKde: StoryObj<HeatmapArgs> = {
  name: 'Exact density or KDE of samples',
  args: { target: 'banana', source: 'exact density', map: 'magma', scale: 'linear', logRange: 10, colourBar: true },
  argTypes: {
    target: select('The density drawn: the banana or a preset mixture.', TARGETS),
    source: select('Where the grid comes from: the exact log density at the cell centres (`gridFromLogDensity`), or 20,000 samples binned and smoothed (`histogram2d` with `smooth: 1.5`).', ['exact density', 'KDE of samples']),
    map: optionOf('drawDensityHeatmap', select('`map`: the colour map (d3-scale-chromatic, perceptually uniform).', COLOUR_MAP_NAMES), 'ColourMapName', "'magma'"),
    scale: optionOf('drawDensityHeatmap', select('`scale`: `linear` colours p over [0, max p]; `log` colours log p over the top `logRange` nats, so that tails show.', ['linear', 'log']), "'linear' | 'log'", "'linear'"),
    logRange: optionOf('drawDensityHeatmap', range('`logRange`: how many nats of log density the log scale spans.', 1, 30, 1), 'number', '10'),
    colourBar: optionOf('drawDensityHeatmap', toggle('`colourBar`: a colour bar in the frame\'s right margin (give it about 70 px); a string labels it.'), 'boolean | string', 'false'),
  },
  parameters: usage("const grid = gridFromLogDensity(target, frameArea(frame, 2));\ndrawDensityHeatmap(ctx, frame, grid, { map: 'magma', scale: 'log', colourBar: true });"),
  render: (args) =>
    figure(560, 480, async (ctx, canvas) => {
      const frame = createPlotFrame({ width: 560, height: 480, ...domainOf(args.target), margin: { top: 30, right: 76 }, equalAspect: true });
      let grid;
      if (args.source === 'exact density') grid = gridFromLogDensity(targetOf(args.target), frameArea(frame, 2));
      else {
        const { positions } = await sampleOf(sourceOf(args.target), 20_000);
        const area = frameArea(frame);
        grid = histogram2d(positions, { x: area.x, y: area.y, nx: 96, ny: 96 }, { smooth: 1.5 });
      }
      drawDensityHeatmap(ctx, frame, grid, { map: args.map, scale: args.scale, logRange: args.logRange, colourBar: args.colourBar });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${args.target}: ${args.source}, ${args.scale} scale` });
      markPlot(canvas, frame.inner);
    }),
};
