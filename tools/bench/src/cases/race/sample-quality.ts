import { slicedWasserstein } from '@scoreflow/metrics';
import { defaultMmd } from '../default-mmd.js';

/** The race's measures of a sample against an exact sample of the target. */
export interface SampleQuality {
  /** Sliced 2-Wasserstein distance (128 projections, seed 0). */
  readonly sw2: number;
  /** Unbiased MMD^2 as `{ type: mmd }` reports it (`defaultMmd`; can be slightly negative). */
  readonly mmd2: number;
  /** Its RBF bandwidth: the median pairwise distance of the reference rows. */
  readonly mmdBandwidth: number;
  /** Rows of the sample and of the reference that MMD^2 used. */
  readonly mmdRows: number;
  readonly mmdReferenceRows: number;
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

/** Sliced W2, MMD^2 (the `mmd` plugin's defaults) and the left-mode share of `x` against the exact sample `reference`. */
export function sampleQuality(x: Float32Array, reference: Float32Array, dim: number): SampleQuality {
  const mmd = defaultMmd(x, reference, dim);
  return {
    sw2: slicedWasserstein(x, reference, dim),
    mmd2: mmd.mmd2,
    mmdBandwidth: mmd.bandwidth,
    mmdRows: mmd.rows,
    mmdReferenceRows: mmd.referenceRows,
    leftShare: leftShare(x, dim),
  };
}
