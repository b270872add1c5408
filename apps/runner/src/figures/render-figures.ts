import type { FigureCollector } from './figure-collector.js';
import { type FigureContext, NothingToDraw, type RenderedFigure } from './figure-context.js';
import type { PlannedFigure } from './plan-figures.js';
import { renderAnimation } from './render-animation.js';
import { renderDensity } from './render-density.js';
import { renderImages } from './render-images.js';
import { renderMetrics } from './render-metrics.js';
import { renderPaths } from './render-paths.js';
import { renderSnapshot } from './render-snapshot.js';
import { renderTrace } from './render-trace.js';
import type { SnapshotStore } from './snapshot-store.js';

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
 * Renders every figure of a run from what the collector kept, into the output folder. A figure
 * that fails, or has nothing to draw (a run stopped before its stage), is recorded with a note
 * and the others are still drawn: figures never turn a finished run into a failed one.
 */
export async function renderFigures(figures: readonly PlannedFigure[], collector: FigureCollector, context: FigureContext): Promise<FigureRecord[]> {
  const records: FigureRecord[] = [];
  for (const figure of figures) {
    const { type, file } = figure.config;
    try {
      const drawn = await renderOne(figure, collector.storeOf(figure), context);
      records.push({ type, file, written: true, ...drawn });
    } catch (error) {
      const note = error instanceof NothingToDraw ? error.message : `drawing failed: ${(error as Error).message}`;
      records.push({ type, file, written: false, note });
    }
  }
  return records;
}

function renderOne(figure: PlannedFigure, store: SnapshotStore | undefined, context: FigureContext): Promise<RenderedFigure> {
  const needStore = (): SnapshotStore => {
    if (store === undefined) throw new Error(`no snapshot store for a ${figure.config.type} figure`);
    return store;
  };
  switch (figure.config.type) {
    case 'snapshot':
      return renderSnapshot(figure, needStore(), context);
    case 'animation':
      return renderAnimation(figure, needStore(), context);
    case 'paths':
      return renderPaths(figure, needStore(), context);
    case 'trace':
      return renderTrace(figure, needStore(), context);
    case 'images':
      return renderImages(figure, needStore(), context);
    case 'metrics':
      return renderMetrics(figure, context);
    case 'density':
      return renderDensity(figure, context);
  }
}
