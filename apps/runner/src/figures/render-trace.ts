import { chainLegend, createPlotFrame, drawAxes, drawChainTrace, drawLegendRow, drawTitle, seriesDomains, traceSeries } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type FigureContext, NothingToDraw, type RenderedFigure, stageName, whenOf } from './figure-context.js';
import type { TraceFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import type { SnapshotStore } from './snapshot-store.js';

const TITLE = 30;
const LEGEND = 20;

/**
 * MCMC chain traces: each coordinate of chains 0 .. n - 1 against the iteration, one panel per
 * coordinate, under the title and a legend row of their own (the legend covers no trace). One
 * snapshot (e.g. `thin` = `steps`) draws each chain as a dot, says so in the title and in the
 * figure's note.
 */
export async function renderTrace(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as TraceFigure;
  const snapshots = store.snapshots();
  if (snapshots.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} was finished`);
  const { dim } = snapshots[0];
  const paths = config.chains;
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(snapshot.positions, s * paths * dim));
  const chains = { paths, steps: snapshots.length, dim, positions, times: snapshots.map((snapshot) => snapshot.t) };
  const drawn = Math.max(...snapshots.map((snapshot) => snapshot.count));
  const legend = drawn >= 2 && drawn <= 10;
  const panels = Math.min(config.coordinates, dim);
  const top = TITLE + (legend ? LEGEND : 0);
  const width = config.width ?? 720;
  const height = config.height ?? top + 10 + 200 * panels;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const only = snapshots.length === 1 ? snapshots[0] : undefined;
  const what = drawn === 1 ? 'trace of one chain' : `traces of ${drawn} chains`;
  const title = config.title ?? `${context.run}: ${stageName(context, config.stage)}, ${only === undefined ? what : `${drawn === 1 ? 'one chain' : `${drawn} chains`}, one snapshot (${whenOf(context, config.stage, only)})`}`;
  drawTitle(ctx, { x: 0, y: 0, width, height }, title);
  if (legend) drawLegendRow(ctx, { x: 0, y: TITLE, width, height: LEGEND }, chainLegend(drawn));
  const panelHeight = (height - top) / panels;
  for (let k = 0; k < panels; k++) {
    const found = seriesDomains(traceSeries(chains, k)) ?? { x: [0, 1], y: [-1, 1] };
    // One iteration: a window of one iteration either side, the dots in the middle.
    const x = only === undefined ? found.x : ([only.t - 1, only.t + 1] as const);
    const box = { x: 0, y: top + k * panelHeight, width, height: panelHeight };
    const frame = createPlotFrame({ box, x, y: found.y, margin: { top: 8, bottom: 36, left: 56, right: 16 } });
    drawChainTrace(ctx, frame, chains, { coordinate: k, legend: false });
    drawAxes(ctx, frame, { xLabel: k === panels - 1 ? 'iteration' : undefined, yLabel: `x${k + 1}`, xTicks: only === undefined ? undefined : 2 });
  }
  await savePng(canvas, join(context.outDir, config.file));
  return only === undefined ? { width, height } : { width, height, note: `one snapshot (${whenOf(context, config.stage, only)}): each chain is drawn as a dot` };
}
