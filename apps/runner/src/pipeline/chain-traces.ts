import { type Metric, type ParticleBatch, idsOf, stepsOf, timesOf } from '@scoreflow/core';
import { type ChainDiagnostics, type MetricRecord, type TraceGatherer, chainDiagnostics, createTraceGatherer, defaultSplits, measureRecord } from '@scoreflow/metrics';
import type { ReferenceAt } from './reference-sampler.js';

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

/**
 * Gathers the post-warm-up snapshots of the chains with ids below `chains` for each MCMC stage
 * (particle = chain). At the end `report` gives bulk ESS and split R-hat per coordinate (Vehtari
 * et al. 2021; one chain is cut into 4 segments and comes with a warning) and the pooled kept
 * states measured against the reference. Ids within a batch are assumed ascending, as every
 * source emits them.
 */
export function chainTraces(isChainStage: readonly boolean[], chains: number) {
  const gatherers: (TraceGatherer | undefined)[] = isChainStage.map((chain) => (chain ? createTraceGatherer(1, 'scoreflow run') : undefined));
  const last = isChainStage.map(() => ({ step: 0, t: Number.NaN }));
  return {
    add(stage: number, batch: ParticleBatch): void {
      const gatherer = gatherers[stage];
      if (gatherer === undefined) return;
      const ids = idsOf(batch);
      let kept = 0;
      while (kept < ids.length && ids[kept] < chains) kept++;
      if (kept > 0) gatherer.add(kept === ids.length ? batch : batch.slice(0, kept));
      if (batch.numRows > 0) last[stage] = { step: stepsOf(batch)[0], t: timesOf(batch)[0] };
    },
    /** The stage's diagnostics and, given a reference, its pooled kept states measured by `metrics`; undefined for a stage that is not MCMC. */
    report(stage: number, referenceAt?: ReferenceAt, metrics: readonly Metric[] = []): StageChainReport | undefined {
      const gatherer = gatherers[stage];
      if (gatherer === undefined) return undefined;
      let trace: ReturnType<TraceGatherer['trace']>;
      try {
        trace = gatherer.trace();
      } catch (error) {
        return { chains: { error: (error as Error).message } };
      }
      const pooled = referenceAt === undefined ? undefined : pooledReport(trace, last[stage], referenceAt, metrics);
      return { chains: diagnose(trace), ...(pooled === undefined ? {} : { pooled }) };
    },
  };
}

/** Diagnostics of a trace, or why there are none: each of the 2 (one chain: 4) segments needs 2 snapshots. */
function diagnose(trace: ReturnType<TraceGatherer['trace']>): ChainReport {
  const needed = 2 * defaultSplits(trace?.chains ?? 2);
  if (trace === undefined || trace.iterations < needed) return { error: `fewer than ${needed} post-warm-up snapshots: no diagnostics` };
  try {
    return chainDiagnostics(trace);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The trace's rows, all chains at all kept snapshots, measured as one sample. */
function pooledReport(trace: ReturnType<TraceGatherer['trace']>, at: { step: number; t: number }, referenceAt: ReferenceAt, metrics: readonly Metric[]): PooledReport {
  const rows = trace === undefined ? 0 : trace.chains * trace.iterations;
  if (trace === undefined || rows < 2) return { error: `${rows} kept state${rows === 1 ? '' : 's'}: nothing to measure` };
  try {
    return { chains: trace.chains, iterations: trace.iterations, ...measureRecord({ ...at, x: trace.x, dim: trace.dim }, referenceAt, metrics) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
