import { mmd2, slicedWasserstein } from '@scoreflow/metrics';

/** The race's measures of a sample against an exact sample of the target. */
export interface SampleQuality {
  /** Sliced 2-Wasserstein distance (128 projections, seed 0). */
  readonly sw2: number;
  /** Unbiased MMD^2, RBF kernel of bandwidth 1 (can be slightly negative). */
  readonly mmd2: number;
  /** Share of the sample with x_0 < 0: the left mode's share (the target's weight is 0.25). */
  readonly leftShare: number;
}

/** Share of the rows of `x` (n * dim, row-major) whose first coordinate is negative. */
export function leftShare(x: Float32Array, dim: number): number {
  const n = x.length / dim;
  let left = 0;
  for (let i = 0; i < n; i++) if (x[i * dim] < 0) left++;
  return left / n;
}

/** Sliced W2, MMD^2 (bandwidth 1) and the left-mode share of `x` against the exact sample `reference`. */
export function sampleQuality(x: Float32Array, reference: Float32Array, dim: number): SampleQuality {
  return {
    sw2: slicedWasserstein(x, reference, dim),
    mmd2: mmd2(x, reference, dim, { bandwidth: 1 }).mmd2,
    leftShare: leftShare(x, dim),
  };
}
