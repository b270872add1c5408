import type { ParticleBatch } from '@scoreflow/core';
import type { PlannedFigure } from './plan-figures.js';
import { type SnapshotStore, type StepSelection, createSnapshotStore } from './snapshot-store.js';

/** What one figure keeps of the stream: which stage, how many particles, which snapshots. */
interface Request {
  readonly stage: number;
  readonly cap: number;
  readonly select: StepSelection;
}

function requestOf(figure: PlannedFigure): Request | undefined {
  const config = figure.config;
  switch (config.type) {
    case 'snapshot':
      return { stage: config.stage, cap: Math.max(config.particles, config.highlight), select: config.step };
    case 'images':
      return { stage: config.stage, cap: config.count, select: config.step };
    case 'animation':
    case 'paths':
      return { stage: config.stage, cap: config.particles, select: 'all' };
    case 'trace':
      return { stage: config.stage, cap: config.chains, select: 'all' };
    default:
      return undefined;
  }
}

/** Collects, while a run streams, what its figures need; `storeOf` hands each figure its share. */
export interface FigureCollector {
  /** A batch of stage `stage` (the source counts as stage 0 when the pipeline is empty). */
  add(stage: number, batch: ParticleBatch): void;
  /** The store of a figure (undefined for figures that draw no snapshots). */
  storeOf(figure: PlannedFigure): SnapshotStore | undefined;
}

/**
 * One snapshot store per distinct (stage, cap, selection) among the figures: figures asking for
 * the same share of the stream share one store. Nothing is kept when there are no figures.
 */
export function createFigureCollector(figures: readonly PlannedFigure[]): FigureCollector {
  const stores = new Map<string, { stage: number; store: SnapshotStore }>();
  const keyOf = (request: Request) => `${request.stage}/${request.cap}/${request.select}`;
  for (const figure of figures) {
    const request = requestOf(figure);
    if (request !== undefined && !stores.has(keyOf(request))) stores.set(keyOf(request), { stage: request.stage, store: createSnapshotStore(request.cap, request.select) });
  }
  const all = [...stores.values()];
  return {
    add(stage, batch) {
      for (const entry of all) if (entry.stage === stage) entry.store.add(batch);
    },
    storeOf(figure) {
      const request = requestOf(figure);
      return request === undefined ? undefined : stores.get(keyOf(request))?.store;
    },
  };
}
