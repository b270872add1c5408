import { createPlotFrame, drawAxes, drawChainTrace, seriesDomains, traceSeries } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type FigureContext, NothingToDraw, type RenderedFigure, stageName } from './figure-context.js';
import type { TraceFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import type { SnapshotStore } from './snapshot-store.js';

/** MCMC chain traces: each coordinate of chains 0 .. n - 1 against the iteration, one panel per coordinate. */
export async function renderTrace(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as TraceFigure;
  const snapshots = store.snapshots();
  if (snapshots.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} was finished`);
  const { dim } = snapshots[0];
  const paths = config.chains;
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(snapshot.positions, s * paths * dim));
  const chains = { paths, steps: snapshots.length, dim, positions, times: snapshots.map((snapshot) => snapshot.t) };
  const panels = Math.min(config.coordinates, dim);
  const width = config.width ?? 720;
  const height = config.height ?? 40 + 200 * panels;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const panelHeight = (height - 30) / panels;
  for (let k = 0; k < panels; k++) {
    const domains = seriesDomains(traceSeries(chains, k)) ?? { x: [0, 1], y: [-1, 1] };
    const box = { x: 0, y: 30 + k * panelHeight - (k === 0 ? 30 : 0), width, height: panelHeight + (k === 0 ? 30 : 0) };
    const frame = createPlotFrame({ box, ...domains, margin: { top: k === 0 ? 36 : 6, bottom: 36, left: 56, right: 16 } });
    drawChainTrace(ctx, frame, chains, { coordinate: k });
    const drawn = Math.max(...snapshots.map((snapshot) => snapshot.count));
    const title = k === 0 ? (config.title ?? `${context.run}: ${stageName(context, config.stage)}, ${drawn === 1 ? 'trace of one chain' : `traces of ${drawn} chains`}`) : undefined;
    drawAxes(ctx, frame, { xLabel: k === panels - 1 ? 'iteration' : undefined, yLabel: `x${k + 1}`, title });
  }
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}
