import { type OperatorFunction, defer, endWith, ignoreElements, tap } from 'rxjs';
import { type FigureCollector, type PlannedFigure, createFigureCollector } from '../figures/index.js';
import type { RunEvent } from './run-events.js';

/**
 * Keeps, as the snapshots pass, what the figures ask for (`createFigureCollector`: a capped share of
 * the snapshots they draw), and emits the collector when the stream completes, for `renderFigures`.
 * A new collector per subscription.
 */
export function collectFigures(figures: readonly PlannedFigure[]): OperatorFunction<RunEvent, FigureCollector> {
  return (events) =>
    defer(() => {
      const collector = createFigureCollector(figures);
      return events.pipe(
        tap((event) => {
          if (event.type === 'snapshot') collector.add(event.stage, event.batch);
        }),
        ignoreElements(),
        endWith(collector),
      );
    });
}
