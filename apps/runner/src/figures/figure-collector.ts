import type { FigureSnapshot, ParticleBatch } from '@scoreflow/core';
import { type SnapshotStore, createSnapshotStore } from '@scoreflow/viz';
import type { PlannedFigure } from './plan-figures.js';

/** Collects, while a run streams, the snapshots its figures ask for (`Figure.needs.snapshots`). */
export interface FigureCollector {
  /** A batch of stage `stage` (the source counts as stage 0 when the pipeline is empty). */
  add(stage: number, batch: ParticleBatch): void;
  /** The snapshots a figure asked for, by ascending step (empty for figures that ask for none). */
  snapshotsOf(figure: PlannedFigure): readonly FigureSnapshot[];
}

const keyOf = (figure: PlannedFigure): string | undefined => {
  const wanted = figure.figure.needs.snapshots;
  return wanted === undefined ? undefined : `${wanted.stage}/${wanted.particles}/${wanted.steps}`;
};

/**
 * One snapshot store per distinct (stage, particles, steps) among the figures: figures asking for
 * the same share of the stream share one store. Nothing is kept when there are no figures.
 */
export function createFigureCollector(figures: readonly PlannedFigure[]): FigureCollector {
  const stores = new Map<string, { stage: number; store: SnapshotStore }>();
  for (const figure of figures) {
    const wanted = figure.figure.needs.snapshots;
    const key = keyOf(figure);
    if (wanted !== undefined && key !== undefined && !stores.has(key)) stores.set(key, { stage: wanted.stage, store: createSnapshotStore(wanted.particles, wanted.steps) });
  }
  const all = [...stores.values()];
  return {
    add(stage, batch) {
      for (const entry of all) if (entry.stage === stage) entry.store.add(batch);
    },
    snapshotsOf(figure) {
      const key = keyOf(figure);
      return key === undefined ? [] : (stores.get(key)?.store.snapshots() ?? []);
    },
  };
}
