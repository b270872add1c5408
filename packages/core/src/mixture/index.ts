export {
  type GaussianMixture,
  type GaussianMixtureInit,
  diffuseMixture,
  gaussianMixture,
  mixtureCovariance,
  mixtureMean,
} from './gaussian-mixture.js';
export { MIXTURE_PRESETS, MIXTURE_PRESET_NAMES, type MixturePreset } from './presets.js';
export { type MixtureOptions, mixtureFromOptions, mixtureOptions, mixtureOptionsShape, refineMixtureOptions } from './mixture-options.js';
export { type DiffusedComponents, allocateComponents, diffuseComponents } from './diffused-components.js';
export { writeGradLogDensity, writeLogDensity } from './mixture-kernels.js';
export { mixtureGradLogDensity, mixtureLogDensity } from './mixture-density.js';
export { countParticles } from './count-particles.js';
export { EXP_CLAMPED_TABLES, expClamped } from './exp-clamped.js';
