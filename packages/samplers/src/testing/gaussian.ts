import { type ParticleBatch, type Rng, type ScoreModel, type Sde, makeParticleBatch, positionsOf, stepsOf, streamId } from '@scoreflow/core';

/** Test-only: n particles of N(mu, sigma^2 I) as batches of `batchSize`, keyed by id. */
export function gaussianBatches(rng: Rng, n: number, dim: number, mu: number, sigma: number, batchSize = n, t = 0): ParticleBatch[] {
  const batches: ParticleBatch[] = [];
  for (let first = 0; first < n; first += batchSize) {
    const count = Math.min(batchSize, n - first);
    const x = rng.normal(new Float32Array(count * dim), { first, count }, dim, { step: 0, stream: streamId('test-data') });
    for (let i = 0; i < x.length; i++) x[i] = mu + sigma * x[i];
    batches.push(makeParticleBatch({ x, dim, id: first, step: 0, t }));
  }
  return batches;
}

/** Test-only: the exact score of N(mu, sigma^2 I) diffused by `sde`: -(x - m mu) / (m^2 sigma^2 + s^2). */
export function gaussianScore(sde: Sde, dim: number, mu: number, sigma: number): ScoreModel & { calls: number } {
  return {
    name: 'gaussian-test',
    dim,
    calls: 0,
    score(x, t, out) {
      this.calls++;
      const { mean, std } = sde.marginal(t);
      const variance = mean * mean * sigma * sigma + std * std;
      for (let i = 0; i < x.length; i++) out[i] = -(x[i] - mean * mu) / variance;
    },
  };
}

/** Sample mean and standard deviation of all coordinates of the batches with step `step`. */
export function moments(batches: readonly ParticleBatch[], step: number): { mean: number; std: number; n: number } {
  let n = 0;
  let sum = 0;
  let square = 0;
  for (const batch of batches) {
    if (stepsOf(batch)[0] !== step) continue;
    for (const v of positionsOf(batch)) {
      n++;
      sum += v;
      square += v * v;
    }
  }
  const mean = sum / n;
  return { mean, std: Math.sqrt(square / n - mean * mean), n };
}
