import { createPlotFrame, drawAxes, drawScatter } from '@scoreflow/viz';
import { createFigure, rgbaOf, saveGif } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type FigureContext, NothingToDraw, type RenderedFigure, domainsOf, stageName, whenOf } from './figure-context.js';
import type { AnimationFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import { colourOf } from './render-snapshot.js';
import type { SnapshotStore } from './snapshot-store.js';

/**
 * Every snapshot of a stage (at most `frames`, evenly spread, first and last kept) as the frames
 * of a GIF, on axes fixed over all frames: the double Gaussian diffusing into one Gaussian.
 */
export async function renderAnimation(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as AnimationFigure;
  const all = store.snapshots();
  if (all.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} was finished`);
  const count = Math.min(config.frames, all.length);
  const chosen = Array.from({ length: count }, (_, k) => all[Math.round((k * (all.length - 1)) / Math.max(1, count - 1))]);
  const dim = chosen[0].dim;
  const domains = domainsOf(
    chosen.map((snapshot) => snapshot.positions),
    dim,
    config,
  );
  const width = config.width ?? 480;
  const height = config.height ?? 480;
  const frame = createPlotFrame({ width, height, ...domains, margin: { top: 30 }, equalAspect: true });
  const frames = chosen.map((snapshot) => {
    const canvas = createFigure(width, height);
    const ctx = canvas.getContext('2d');
    drawScatter(ctx, frame, snapshot.positions, { dim, colour: colourOf(config.colour, snapshot, config.particles) });
    const title = config.title ?? `${context.run}: ${stageName(context, config.stage)}`;
    drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${title}, ${whenOf(context, config.stage, snapshot, false)}` });
    return rgbaOf(canvas);
  });
  await saveGif(frames, join(context.outDir, config.file), { delay: config.delay, lastDelay: config.lastDelay });
  return { width, height, frames: frames.length };
}
