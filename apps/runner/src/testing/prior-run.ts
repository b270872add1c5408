/** Test-only: the double-Gaussian mixture preset the small runner specs sample, score and measure against. */
export const doubleGaussian = { type: 'gaussian-mixture', preset: 'double-gaussian' } as const;

/**
 * Test-only: a run config that draws `particles` from the prior of the Brownian SDE (g = 1, T = 20)
 * in batches of `batchSize` and sends them through `pipeline`.
 */
export function priorRun<const P extends readonly object[]>(name: string, seed: number, particles: number, batchSize: number, pipeline: P) {
  return { name, seed, particles, batchSize, sde: { type: 'brownian', g: 1, T: 20 }, source: { type: 'prior' }, pipeline };
}

/** Test-only: the `reference`, `metrics` and `measure` keys that measure a run against {@link doubleGaussian}. */
export const measuredAgainstDoubleGaussian = {
  reference: doubleGaussian,
  metrics: [{ type: 'sliced-wasserstein' }, { type: 'moments' }],
  measure: { particles: 1000, referenceParticles: 1000 },
};
