import { type ParticleBatch, idsOf } from '@scoreflow/core';
import { type ChainDiagnostics, type TraceGatherer, chainDiagnostics, createTraceGatherer } from '@scoreflow/metrics';

/** What `metrics.json` holds of an MCMC stage's chains: the diagnostics, or why there are none. */
export type ChainReport = (ChainDiagnostics & { readonly error?: undefined }) | { readonly error: string };

/**
 * Gathers the post-warm-up snapshots of the chains with ids below `chains` for each MCMC stage
 * (particle = chain) and computes bulk ESS and split R-hat per coordinate (Vehtari et al. 2021)
 * at the end. Ids within a batch are assumed ascending, as every source emits them.
 */
export function chainTraces(isChainStage: readonly boolean[], chains: number) {
  const gatherers: (TraceGatherer | undefined)[] = isChainStage.map((chain) => (chain ? createTraceGatherer(1, 'scoreflow run') : undefined));
  return {
    add(stage: number, batch: ParticleBatch): void {
      const gatherer = gatherers[stage];
      if (gatherer === undefined) return;
      const ids = idsOf(batch);
      let kept = 0;
      while (kept < ids.length && ids[kept] < chains) kept++;
      if (kept > 0) gatherer.add(kept === ids.length ? batch : batch.slice(0, kept));
    },
    report(stage: number): ChainReport | undefined {
      const gatherer = gatherers[stage];
      if (gatherer === undefined) return undefined;
      try {
        const trace = gatherer.trace();
        if (trace === undefined || trace.iterations < 4) return { error: 'fewer than 4 post-warm-up snapshots: no diagnostics' };
        return chainDiagnostics(trace);
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
  };
}
