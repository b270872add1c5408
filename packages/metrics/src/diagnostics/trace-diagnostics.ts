import type { ParticleBatch } from '@scoreflow/core';
import { type OperatorFunction, map, pipe } from 'rxjs';
import { type ChainDiagnostics, chainDiagnostics } from './chain-diagnostics.js';
import { type TraceDiagnosticsOptions, gatherTrace } from './gather-trace.js';

export type { TraceDiagnosticsOptions } from './gather-trace.js';

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
 * Built from `gatherTrace` and `map`, as RxJS builds `elementAt` from `filter` and `take`.
 *
 * @example
 * snapshots$.pipe(traceDiagnostics({ fromStep: 500 })).subscribe(({ minEss, maxRhat }) => console.log(minEss, maxRhat));
 */
export function traceDiagnostics(options: TraceDiagnosticsOptions = {}): OperatorFunction<ParticleBatch, ChainDiagnostics> {
  return pipe(gatherTrace({ fn: 'traceDiagnostics', ...options }), map((trace) => chainDiagnostics(trace)));
}
