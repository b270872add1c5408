import { type Metric, type ParticleBatch, idsOf, stepsOf, timesOf } from '@scoreflow/core';
import { type ChainDiagnostics, type ChainTrace, type MetricRecord, chainDiagnostics, defaultSplits, gatherTrace, measureRecord } from '@scoreflow/metrics';
import { type Observable, type OperatorFunction, catchError, concatMap, defaultIfEmpty, defer, filter, forkJoin, map, of, tap } from 'rxjs';
import type { ReferenceAt } from './reference-sampler.js';
import { type RunEvent, batchesOf } from './run-events.js';

/** What `metrics.json` holds of an MCMC stage's chains: the diagnostics, or why there are none. */
export type ChainReport = (ChainDiagnostics & { readonly error?: undefined }) | { readonly error: string; readonly warnings?: undefined };

/**
 * The kept states of the judged chains pooled into one sample (every post-warm-up snapshot of each
 * chain, after thinning) and measured against the reference at the last snapshot's step and time:
 * `n` rows, `iterations` snapshots of `chains` chains. A single chain's snapshots hold one state
 * each, so this is the only sample measure of it.
 */
export type PooledReport = (MetricRecord & { readonly chains: number; readonly iterations: number; readonly error?: undefined }) | { readonly error: string };

/** An MCMC stage's entries in `metrics.json`: `chains` always, `pooled` when there is a reference. */
export interface StageChainReport {
  readonly chains: ChainReport;
  readonly pooled?: PooledReport;
}

/** Where the judging ends: the step and time of a stage's last snapshot. */
interface LastSnapshot {
  step: number;
  t: number;
}

/**
 * The chains of each MCMC stage (`isChainStage`, particle = chain) judged when the stream completes:
 * the post-warm-up snapshots (step >= 1) of the chains with ids below `chains` gathered by the
 * metrics package's `gatherTrace`, then bulk ESS and split R-hat per coordinate (Vehtari et al. 2021;
 * one chain is cut into 4 segments and comes with a warning) and, given a reference, the pooled kept
 * states measured by `metrics`. Emits one entry per stage (undefined for a stage that is not MCMC).
 * Ids within a batch are assumed ascending, as every source emits them.
 */
export function traceChains(
  isChainStage: readonly boolean[],
  chains: number,
  referenceAt?: ReferenceAt,
  metrics: readonly Metric[] = [],
): OperatorFunction<RunEvent, (StageChainReport | undefined)[]> {
  if (isChainStage.length === 0) return () => of([]);
  return (events) =>
    forkJoin(isChainStage.map((chain, stage): Observable<StageChainReport | undefined> => (chain ? events.pipe(batchesOf(stage), judgeChains(chains, referenceAt, metrics)) : of(undefined))));
}

/** One MCMC stage's batches judged: the report of its first `chains` chains. */
export function judgeChains(chains: number, referenceAt?: ReferenceAt, metrics: readonly Metric[] = []): OperatorFunction<ParticleBatch, StageChainReport> {
  return (batches) =>
    defer(() => {
      const last: LastSnapshot = { step: 0, t: Number.NaN };
      return batches.pipe(
        tap((batch) => {
          if (batch.numRows > 0) Object.assign(last, { step: stepsOf(batch)[0], t: timesOf(batch)[0] });
        }),
        map((batch) => firstChains(batch, chains)),
        filter((batch) => batch.numRows > 0),
        gatherTrace({ fromStep: 1, fn: 'scoreflow run' }),
        defaultIfEmpty(undefined),
        concatMap(async (trace): Promise<StageChainReport> => {
          const pooled = referenceAt === undefined ? undefined : await pooledReport(trace, last, referenceAt, metrics);
          return { chains: diagnose(trace), ...(pooled === undefined ? {} : { pooled }) };
        }),
        catchError((error: Error) => of({ chains: { error: error.message } })),
      );
    });
}

/** The rows of a batch whose id is below `chains` (ids ascending). */
function firstChains(batch: ParticleBatch, chains: number): ParticleBatch {
  const ids = idsOf(batch);
  let kept = 0;
  while (kept < ids.length && ids[kept] < chains) kept++;
  return kept === ids.length ? batch : batch.slice(0, kept);
}

/** Diagnostics of a trace, or why there are none: each of the 2 (one chain: 4) segments needs 2 snapshots. */
function diagnose(trace: ChainTrace | undefined): ChainReport {
  const needed = 2 * defaultSplits(trace?.chains ?? 2);
  if (trace === undefined || trace.iterations < needed) return { error: `fewer than ${needed} post-warm-up snapshots: no diagnostics` };
  try {
    return chainDiagnostics(trace);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The trace's rows, all chains at all kept snapshots, measured as one sample. */
async function pooledReport(trace: ChainTrace | undefined, at: LastSnapshot, referenceAt: ReferenceAt, metrics: readonly Metric[]): Promise<PooledReport> {
  const rows = trace === undefined ? 0 : trace.chains * trace.iterations;
  if (trace === undefined || rows < 2) return { error: `${rows} kept state${rows === 1 ? '' : 's'}: nothing to measure` };
  try {
    return { chains: trace.chains, iterations: trace.iterations, ...(await measureRecord({ step: at.step, t: at.t, x: trace.x, dim: trace.dim }, referenceAt, metrics)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
