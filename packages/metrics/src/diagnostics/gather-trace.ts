import type { ParticleBatch } from '@scoreflow/core';
import { EMPTY, type OperatorFunction, concatMap, defer, of, reduce } from 'rxjs';
import type { ChainTrace } from './chain-diagnostics.js';
import { createTraceGatherer } from './trace-gatherer.js';

/** Options of `gatherTrace` and `traceDiagnostics`. */
export interface TraceDiagnosticsOptions {
  /** Only snapshots with step >= fromStep are kept (leave out warm-up); default 0. */
  readonly fromStep?: number;
  /** Names the caller in error messages; default `gatherTrace` (`traceDiagnostics` for it). */
  readonly fn?: string;
}

/**
 * Gathers a stream of MCMC snapshots into one `ChainTrace` when the source completes: each row is
 * one chain (its id, 0 .. chains - 1) at one step, a step's chains in any batches and any order;
 * the steps >= `fromStep` in ascending order, each snapshot one iteration. Completes without a value
 * when no row was kept. A bad `fromStep` throws at once; a chain missing from or repeated at a step
 * and batches of different dimensions travel down the error channel (see `createTraceGatherer`).
 * Built from `reduce` (state per subscription) and `concatMap`.
 *
 * @example
 * snapshots$.pipe(gatherTrace({ fromStep: 1 })).subscribe(({ chains, iterations }) => console.log(chains, iterations));
 */
export function gatherTrace(options: TraceDiagnosticsOptions = {}): OperatorFunction<ParticleBatch, ChainTrace> {
  const fn = options.fn ?? 'gatherTrace';
  const fromStep = options.fromStep ?? 0;
  if (!Number.isSafeInteger(fromStep)) throw new RangeError(`${fn}: 'fromStep' must be an integer, got ${fromStep}.`);
  return (source) =>
    defer(() =>
      source.pipe(
        reduce((gatherer, batch) => gatherer.add(batch), createTraceGatherer(fromStep, fn)),
        concatMap((gatherer) => {
          const trace = gatherer.trace();
          return trace === undefined ? EMPTY : of(trace);
        }),
      ),
    );
}
