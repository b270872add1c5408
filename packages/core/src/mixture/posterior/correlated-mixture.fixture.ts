import type { CovarianceMixture } from './covariance-mixture.js';

/** A correlated two-component mixture in the plane, written by hand (the posterior specs' fixture). */
export const correlatedMixture: CovarianceMixture = {
  dim: 2,
  components: 2,
  weights: Float64Array.from([0.3, 0.7]),
  means: Float64Array.from([-1.5, 0.5, 2, -1]),
  covariances: Float64Array.from([1, 0.6, 0.6, 0.8, 0.5, -0.2, -0.2, 1.5]),
};
