import { z } from 'zod';
import { chainLegend, drawChainTrace, traceSeries } from '../chart/draw-chain-trace.js';
import { drawLegendRow } from '../chart/draw-legend.js';
import { seriesDomains } from '../chart/series.js';
import { drawAxes } from '../frame/draw-axes.js';
import { drawTitle } from '../frame/draw-title.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { defineFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { commonOptions, fileOption, stageOption } from './figure-options.js';
import { pathsOf } from './paths-of.js';
import { stageName, whenOf } from './titles.js';

/** Options of the `trace` figure. */
export const traceFigureOptions = z.strictObject({
  file: fileOption('png'),
  stage: stageOption,
  chains: z.number().int().min(1).max(100).default(4).describe('chains drawn: particles 0 .. chains - 1'),
  coordinates: z.number().int().min(1).max(8).default(2).describe('coordinates traced, one panel each (at most the dimension)'),
  ...commonOptions,
});

const TITLE = 30;
const LEGEND = 20;

/**
 * `trace`: MCMC chain traces, each coordinate of chains 0 .. n - 1 against the iteration, one
 * panel per coordinate, under the title and a legend row of their own (the legend covers no
 * trace). One snapshot (e.g. `thin` = `steps`) draws each chain as a dot, says so in the title and
 * in the figure's note.
 */
export const traceFigure = defineFigure({
  name: 'trace',
  description: 'MCMC chain traces, each coordinate against the iteration (PNG)',
  options: traceFigureOptions,
  create: (config) => ({
    needs: { snapshots: { stage: config.stage, particles: config.chains, steps: 'all' } },
    oneSnapshot: 'the trace shows each chain as a dot',
    async draw(input, newCanvas) {
      const { snapshots } = input;
      const { drawn, ...paths } = pathsOf(input, config.stage, config.chains);
      const chains = { ...paths, times: snapshots.map((snapshot) => snapshot.t) };
      const { dim } = chains;
      const legend = drawn >= 2 && drawn <= 10;
      const panels = Math.min(config.coordinates, dim);
      const top = TITLE + (legend ? LEGEND : 0);
      const width = config.width ?? 720;
      const height = config.height ?? top + 10 + 200 * panels;
      const canvas = newCanvas(width, height);
      const ctx2d = contextOf(canvas);
      const only = snapshots.length === 1 ? snapshots[0] : undefined;
      const what = drawn === 1 ? 'trace of one chain' : `traces of ${drawn} chains`;
      const title =
        config.title ??
        `${input.run}: ${stageName(input, config.stage)}, ${only === undefined ? what : `${drawn === 1 ? 'one chain' : `${drawn} chains`}, one snapshot (${whenOf(input, config.stage, only)})`}`;
      drawTitle(ctx2d, { x: 0, y: 0, width, height }, title);
      if (legend) drawLegendRow(ctx2d, { x: 0, y: TITLE, width, height: LEGEND }, chainLegend(drawn));
      const panelHeight = (height - top) / panels;
      for (let k = 0; k < panels; k++) {
        const found = seriesDomains(traceSeries(chains, k)) ?? { x: [0, 1], y: [-1, 1] };
        // One iteration: a window of one iteration either side, the dots in the middle.
        const x = only === undefined ? found.x : ([only.t - 1, only.t + 1] as const);
        const box = { x: 0, y: top + k * panelHeight, width, height: panelHeight };
        const frame = createPlotFrame({ box, x, y: found.y, margin: { top: 8, bottom: 36, left: 56, right: 16 } });
        drawChainTrace(ctx2d, frame, chains, { coordinate: k, legend: false });
        drawAxes(ctx2d, frame, { xLabel: k === panels - 1 ? 'iteration' : undefined, yLabel: `x${k + 1}`, xTicks: only === undefined ? undefined : 2 });
      }
      return only === undefined ? { canvases: [canvas] } : { canvases: [canvas], note: `one snapshot (${whenOf(input, config.stage, only)}): each chain is drawn as a dot` };
    },
  }),
});
