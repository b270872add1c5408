import { drawImageGrid } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type FigureContext, NothingToDraw, type RenderedFigure, stageName, stepName } from './figure-context.js';
import type { ImagesFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';
import type { SnapshotStore } from './snapshot-store.js';

/** A snapshot of image data (dimension height * width, values in [-1, 1]) as a grid of images. */
export async function renderImages(planned: PlannedFigure, store: SnapshotStore, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as ImagesFigure;
  const snapshot = store.snapshots().at(-1);
  if (snapshot === undefined) throw new NothingToDraw(`no snapshot of ${stageName(context, config.stage)} at ${stepName(context, config.stage, config.step)} was finished`);
  const side = Math.round(Math.sqrt(snapshot.dim));
  const [h, w] = config.shape ?? [side, side];
  const width = config.width ?? 480;
  const height = config.height ?? 480;
  const canvas = createFigure(width, height);
  drawImageGrid(canvas.getContext('2d'), { x: 4, y: 4, width: width - 8, height: height - 8 }, { pixels: snapshot.positions, height: h, width: w }, { count: snapshot.count });
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}
