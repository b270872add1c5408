import { type ParticleBatch, type Rng, type Stage, collectAll, concatParticleBatches, createRng, makeParticleBatch, positionsOf, stepsOf, streamId } from '@scoreflow/core';
import { from } from 'rxjs';
import type { McmcStats } from '../mcmc-options.js';

/** Test-only: `n` initial states N(mean, std^2 I) keyed by id, as batches of `batchSize`. */
export function initialBatches(rng: Rng, n: number, dim: number, mean: readonly number[], std: number, batchSize = n): ParticleBatch[] {
  const batches: ParticleBatch[] = [];
  for (let first = 0; first < n; first += batchSize) {
    const count = Math.min(batchSize, n - first);
    const x = rng.normal(new Float32Array(count * dim), { first, count }, dim, { step: 0, stream: streamId('mcmc-test-init') });
    for (let i = 0; i < x.length; i++) x[i] = mean[i % dim] + std * x[i];
    batches.push(makeParticleBatch({ x, dim, id: first, step: 0, t: 0 }));
  }
  return batches;
}

/** Test-only: the positions of every snapshot, by step, all batches joined in id order. */
export type Draws = Map<number, Float32Array>;

/** Test-only: runs `make(rng)` over the batches and returns its snapshots by step and its stats, averaged over chains. */
export async function runChains(make: (rng: Rng, onBatchDone: (stats: McmcStats) => void) => Stage, batches: (rng: Rng) => ParticleBatch[], seed = 1) {
  const rng = createRng(seed);
  const reports: McmcStats[] = [];
  const out = await collectAll(from(batches(rng)).pipe(make(rng, (stats) => reports.push(stats))));
  const parts = new Map<number, ParticleBatch[]>();
  for (const batch of out) {
    const step = stepsOf(batch)[0];
    parts.set(step, [...(parts.get(step) ?? []), batch]);
  }
  const draws: Draws = new Map([...parts].map(([step, list]) => [step, positionsOf(concatParticleBatches(list))]));
  const particles = reports.reduce((total, r) => total + r.particles, 0);
  const mean = (key: keyof McmcStats) => reports.reduce((total, r) => total + r[key] * r.particles, 0) / particles;
  const stats = { acceptance: mean('acceptance'), evaluations: mean('evaluations'), gradientEvaluations: mean('gradientEvaluations'), stepSize: mean('stepSize'), particles };
  return { out, draws, stats, reports };
}
