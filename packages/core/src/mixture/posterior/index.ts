export { type LinearObservation, type LinearObservationInit, linearObservation, observationOptions } from './linear-observation.js';
export {
  type CovarianceMixture,
  covarianceMixtureCovariance,
  covarianceMixtureMean,
  covarianceMixtureOf,
  covarianceOf,
} from './covariance-mixture.js';
export { type MixturePosterior, mixturePosterior } from './mixture-posterior.js';
export {
  type DiffusedCovarianceComponents,
  diffuseCovarianceComponents,
  writeCovarianceLogDensity,
  writeCovarianceScore,
} from './covariance-kernels.js';
export { mixtureKsDistance, mixtureMarginalCdf } from './mixture-cdf.js';
export { observationPseudoInverse } from './observation-pseudo-inverse.js';
export { atConfigPath } from './config-path.js';
