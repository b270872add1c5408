import { type GaussianMixture, gaussianMixture } from './gaussian-mixture.js';

/**
 * Named mixtures. `double-gaussian` is the figure of "Diffusion Models: The Main Ideas":
 * weights 1/2 and 1/2, means (-2, 0) and (2, 0), standard deviation 0.5.
 */
export const MIXTURE_PRESETS = {
  'double-gaussian': () => gaussianMixture({ weights: [0.5, 0.5], means: [[-2, 0], [2, 0]], std: 0.5 }),
} as const satisfies Record<string, () => GaussianMixture>;

export type MixturePreset = keyof typeof MIXTURE_PRESETS;

export const MIXTURE_PRESET_NAMES = Object.keys(MIXTURE_PRESETS) as MixturePreset[];
