import type { FigureStage, MeasuredSnapshot } from '@scoreflow/core';
import { NothingToDraw } from '@scoreflow/viz';
import { createFigure, saveGif, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import type { ReferenceAt } from '../pipeline/reference-sampler.js';
import type { FigureCollector } from './figure-collector.js';
import type { PlannedFigure } from './plan-figures.js';

/** The canvases `createFigure` makes, which a figure draws on and hands back. */
type NodeCanvas = Parameters<typeof savePng>[0];

/** What the figures are drawn from, besides their snapshots: the finished (or stopped) run. */
export interface FigureContext {
  readonly outDir: string;
  readonly run: string;
  readonly dim: number;
  /** The stages, in pipeline order (empty: the source alone). */
  readonly stages: readonly FigureStage[];
  /** The reference sample at time t, when the run has a reference. */
  readonly referenceAt?: ReferenceAt;
  /** Every measured snapshot. */
  readonly metrics: readonly MeasuredSnapshot[];
}

/** What `metrics.json` says of one figure: the file written and its size, or why it was not. */
export interface FigureRecord {
  readonly type: string;
  readonly file: string;
  readonly written: boolean;
  readonly width?: number;
  readonly height?: number;
  readonly frames?: number;
  /** Why the figure was not written (nothing to draw, or an error while drawing), or what a written one does not show. */
  readonly note?: string;
}

/**
 * Draws every figure of a run (its plugin's `draw`, on @napi-rs/canvas) from what the collector
 * kept and the run's context, and writes it into the output folder: one canvas as PNG, frames as
 * a GIF. A figure that fails, or has nothing to draw (a run stopped before its stage), is recorded
 * with a note and the others are still drawn: figures never turn a finished run into a failed one.
 */
export async function renderFigures(figures: readonly PlannedFigure[], collector: FigureCollector, context: FigureContext): Promise<FigureRecord[]> {
  const records: FigureRecord[] = [];
  for (const planned of figures) {
    const { figure, type } = planned;
    const { file } = figure;
    try {
      const input = { run: context.run, dim: context.dim, stages: context.stages, snapshots: collector.snapshotsOf(planned), metrics: context.metrics, referenceAt: context.referenceAt, noiseFloor: planned.floor };
      const drawn = await figure.draw(input, (width, height) => createFigure(width, height));
      const canvases = drawn.canvases as readonly NodeCanvas[];
      const [first] = canvases;
      const path = join(context.outDir, file);
      const animated = file.endsWith('.gif');
      if (animated) await saveGif(canvases, path, { delay: drawn.delay, lastDelay: drawn.lastDelay });
      else await savePng(first, path);
      const note = drawn.note === undefined ? {} : { note: drawn.note };
      records.push({ type, file, written: true, width: first.width, height: first.height, ...(animated ? { frames: canvases.length } : {}), ...note });
    } catch (error) {
      const note = error instanceof NothingToDraw ? error.message : `drawing failed: ${(error as Error).message}`;
      records.push({ type, file, written: false, note });
    }
  }
  return records;
}
