import { type ScatterColour, createPlotFrame, drawAxes, drawScatter, drawTitle } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type Distribution, drawDistribution } from './draw-distribution.js';
import { type FigureContext, NothingToDraw, type RenderedFigure, domainsOf, formatT, isChainStage, stageName, stepName, whenOf } from './figure-context.js';
import type { SnapshotFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import type { SnapshotStore, StoredSnapshot } from './snapshot-store.js';

const MARGIN = { top: 30, right: 70, bottom: 42, left: 52 };

/**
 * A snapshot as a scatter ("the point cloud"), with the distribution beside it or under it: the
 * reference at the snapshot's time (a KDE of its sample) or a target's exact density.
 */
export async function renderSnapshot(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as SnapshotFigure;
  const snapshot = store.snapshots().at(-1);
  if (snapshot === undefined) {
    throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} at ${stepName(context, config.stage, config.step)} was finished`);
  }
  const { dim } = snapshot;
  const points = snapshot.positions.subarray(0, config.particles * dim);
  const distribution: Distribution | undefined =
    planned.target !== undefined
      ? { target: planned.target }
      : config.reference && context.referenceAt !== undefined
        ? { sample: context.referenceAt(snapshot.t), dim }
        : undefined;
  const beside = distribution !== undefined && config.layout === 'beside';
  const width = config.width ?? (beside ? 960 : 480);
  const height = config.height ?? 480;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const samples = distribution !== undefined && 'sample' in distribution ? [points, distribution.sample] : [points];
  const domains = domainsOf(samples, dim, config);
  const panel = (x: number, w: number, margin = MARGIN) => createPlotFrame({ box: { x, y: 0, width: w, height }, ...domains, margin, equalAspect: true });
  const title = config.title ?? `${context.run}: ${stageName(context, config.stage)}, ${whenOf(context, config.stage, snapshot)}`;
  const left = beside ? panel(0, width / 2, { ...MARGIN, top: 52 }) : panel(0, width, { ...MARGIN, right: 16 });
  if (distribution !== undefined && !beside) drawDistribution(ctx, left, distribution, config.map ?? 'greys', { under: true });
  drawScatter(ctx, left, points, {
    dim,
    colour: colourOf(config.colour, snapshot, config.particles),
    highlight: config.highlight > 0 ? { positions: snapshot.positions.subarray(0, config.highlight * dim) } : undefined,
  });
  drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: beside ? `${snapshot.count.toLocaleString('en')} particles` : title });
  if (beside) {
    const right = panel(width / 2, width / 2, { ...MARGIN, top: 52 });
    drawDistribution(ctx, right, distribution, config.map ?? 'magma', { colourBar: true });
    // An MCMC stage's t is its iteration: its reference is the target itself, at no time.
    const reference = isChainStage(context, config.stage) ? 'reference' : `reference at t = ${formatT(snapshot.t)}`;
    const what = 'target' in distribution ? `density of target '${distribution.target.name}'` : reference;
    drawAxes(ctx, right, { xLabel: 'x1', yLabel: 'x2', title: what });
    drawTitle(ctx, { x: 0, y: 0, width, height }, title);
  }
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}

/** The scatter colour a figure's `colour` option asks for, given what the snapshot carries. */
export function colourOf(option: 'auto' | 'label' | 'none', snapshot: StoredSnapshot, particles: number): ScatterColour | undefined {
  if (option === 'none' || snapshot.labels === undefined) return undefined;
  return { by: 'label', labels: snapshot.labels.subarray(0, particles) };
}
