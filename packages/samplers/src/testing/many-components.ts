import { type GaussianMixture, gaussianMixture } from '@scoreflow/core';

/**
 * Mixtures in the plane of 1, 3 and 8 components (unequal weights and spreads, the eight on a circle
 * of `radius`): the kernels' generic score runs every K but 2, so specs compare it with TypeScript on these.
 */
export function manyComponentMixtures(radius: number): GaussianMixture[] {
  const eight = gaussianMixture({
    weights: [1, 2, 3, 4, 5, 6, 7, 8],
    means: Array.from({ length: 8 }, (_, k) => [radius * Math.cos((Math.PI / 4) * k), radius * Math.sin((Math.PI / 4) * k)]),
    std: Array.from({ length: 8 }, (_, k) => [0.3 + 0.1 * k, 1 - 0.1 * k]),
  });
  const three = gaussianMixture({ weights: [0.2, 0.5, 0.3], means: [[-radius, 0], [0, radius], [radius, -1]], std: 0.6 });
  return [gaussianMixture({ means: [[1, -2]], std: [[0.7, 1.3]] }), three, eight];
}
