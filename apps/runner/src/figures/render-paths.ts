import { createPlotFrame, drawAxes, drawPaths } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { drawDistribution } from './draw-distribution.js';
import { type FigureContext, NothingToDraw, type RenderedFigure, domainsOf, stageName } from './figure-context.js';
import type { PathsFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import type { SnapshotStore } from './snapshot-store.js';

/**
 * The paths of particles 0 .. n - 1 through every snapshot of a stage, starts marked red,
 * optionally over a target's density: a 2-D random walk, sampler trajectories, an MCMC chain.
 */
export async function renderPaths(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as PathsFigure;
  const snapshots = store.snapshots();
  if (snapshots.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} was finished`);
  const { dim } = snapshots[0];
  const paths = config.particles;
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(snapshot.positions, s * paths * dim));
  const width = config.width ?? 480;
  const height = config.height ?? 480;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const domains = domainsOf([positions], dim, config);
  const frame = createPlotFrame({ width, height, ...domains, margin: { top: 30 }, equalAspect: true });
  if (planned.target !== undefined) drawDistribution(ctx, frame, { target: planned.target }, config.map, { scale: config.scale });
  drawPaths(ctx, frame, { paths, steps: snapshots.length, dim, positions }, { colour: config.colour === 'auto' ? undefined : config.colour, end: config.end ? {} : false });
  const drawn = Math.max(...snapshots.map((snapshot) => snapshot.count));
  const title = config.title ?? `${context.run}: ${stageName(context, config.stage)}, ${drawn} path${drawn === 1 ? '' : 's'}`;
  drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title });
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}
