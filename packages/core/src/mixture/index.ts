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
