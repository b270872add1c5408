/** Test-only: the double-Gaussian mixture preset the small runner specs sample, score and measure against. */
export const doubleGaussian = { type: 'gaussian-mixture', preset: 'double-gaussian' } as const;

/**
 * Test-only: a run config that draws `particles` from the prior of the Brownian SDE (g = 1, T = 20)
 * in batches of `batchSize` and sends them through `pipeline`.
 */
export function priorRun<const P extends readonly object[]>(name: string, seed: number, particles: number, batchSize: number, pipeline: P) {
  return { name, seed, particles, batchSize, sde: { type: 'brownian', g: 1, T: 20 }, source: { type: 'prior' }, pipeline };
}

/**
 * Test-only: a {@link priorRun} through reverse Euler-Maruyama with the double Gaussian's exact score
 * on a geometric time grid (`steps`, a snapshot every `snapshotEvery`), measured against the double
 * Gaussian (sliced Wasserstein and moments, 1,000 particles each side).
 */
export function measuredReverseRun(name: string, seed: number, particles: number, batchSize: number, steps: number, snapshotEvery: number) {
  return {
    ...priorRun(name, seed, particles, batchSize, [{ type: 'euler-maruyama', score: doubleGaussian, steps, grid: { type: 'geometric' }, snapshotEvery }]),
    reference: doubleGaussian,
    metrics: [{ type: 'sliced-wasserstein' }, { type: 'moments' }],
    measure: { particles: 1000, referenceParticles: 1000 },
  };
}
