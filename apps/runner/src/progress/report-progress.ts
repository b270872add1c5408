import { type MonoTypeOperatorFunction, tap } from 'rxjs';
import type { RunEvent } from '../pipeline/run-events.js';
import type { PopulationProgress } from './population-progress.js';
import type { ProgressReporter } from './progress-reporter.js';

/**
 * Counts every snapshot that passes into the population's progress (`populationProgress`) and shows
 * it with `progress`; stops `progress` once, when the stream ends, fails or is unsubscribed (before
 * what follows the end runs). The events pass on unchanged.
 */
export function reportProgress(population: PopulationProgress, progress: ProgressReporter): MonoTypeOperatorFunction<RunEvent> {
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    progress.stop();
  };
  return tap({
    next(event) {
      if (event.type !== 'snapshot') return;
      const { done, label } = population.record(event.stage, event.batch);
      progress.update(done, label);
    },
    complete: stop,
    error: stop,
    unsubscribe: stop,
  });
}
