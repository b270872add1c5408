import type { ParticleBatch } from '@scoreflow/core';
import { EMPTY, type OperatorFunction, concatMap, defer, of, reduce } from 'rxjs';
import { type ChainDiagnostics, chainDiagnostics } from './chain-diagnostics.js';
import { createTraceGatherer } from './trace-gatherer.js';

/** Options of `traceDiagnostics`. */
export interface TraceDiagnosticsOptions {
  /** Only snapshots with step >= fromStep are measured (leave out warm-up); default 0. */
  readonly fromStep?: number;
}

/**
 * MCMC diagnostics of a stream of snapshots: gathers the batches (each row one chain at one step:
 * its id is the chain, 0 .. chains - 1, and a step's chains may arrive in several batches, in any
 * order), orders them by step and chain id, and when the source completes emits one
 * `ChainDiagnostics` over the steps >= `fromStep`: bulk ESS and rank-normalised split R-hat per
 * coordinate (Vehtari et al. 2021), with each snapshot counting as one iteration (thinned
 * snapshots are fine). An empty source, or one with no step >= fromStep, completes without a value.
 *
 * A bad `fromStep` throws when the operator is created; a chain missing from or repeated at a step,
 * batches of different dimensions, and fewer than 4 snapshots (8 for one chain) travel down the error channel.
 * Built from `reduce` (state per subscription) and `concatMap`.
 *
 * @example
 * snapshots$.pipe(traceDiagnostics({ fromStep: 500 })).subscribe(({ minEss, maxRhat }) => console.log(minEss, maxRhat));
 */
export function traceDiagnostics(options: TraceDiagnosticsOptions = {}): OperatorFunction<ParticleBatch, ChainDiagnostics> {
  const fromStep = options.fromStep ?? 0;
  if (!Number.isSafeInteger(fromStep)) throw new RangeError(`traceDiagnostics: 'fromStep' must be an integer, got ${fromStep}.`);
  return (source) =>
    defer(() =>
      source.pipe(
        reduce((gatherer, batch) => gatherer.add(batch), createTraceGatherer(fromStep, 'traceDiagnostics')),
        concatMap((gatherer) => {
          const trace = gatherer.trace();
          return trace === undefined ? EMPTY : of(chainDiagnostics(trace));
        }),
      ),
    );
}
