import { type GaussianMixture, gaussianMixture } from './gaussian-mixture.js';

/** Eight equal Gaussians on a circle (FFJORD's `8gaussians`, Grathwohl et al. 2019): radius 4 / sqrt(2), std 0.5 / sqrt(2). */
function eightGaussians(): GaussianMixture {
  const radius = 4 / Math.SQRT2;
  const means = Array.from({ length: 8 }, (_, k) => [radius * Math.cos((k * Math.PI) / 4), radius * Math.sin((k * Math.PI) / 4)]);
  return gaussianMixture({ means, std: 0.5 / Math.SQRT2 });
}

/**
 * Named mixtures. `double-gaussian` is the figure of "Diffusion Models: The Main Ideas":
 * weights 1/2 and 1/2, means (-2, 0) and (2, 0), standard deviation 0.5. `eight-gaussians` is
 * FFJORD's ring of eight.
 */
export const MIXTURE_PRESETS = {
  'double-gaussian': () => gaussianMixture({ weights: [0.5, 0.5], means: [[-2, 0], [2, 0]], std: 0.5 }),
  'eight-gaussians': eightGaussians,
} as const satisfies Record<string, () => GaussianMixture>;

export type MixturePreset = keyof typeof MIXTURE_PRESETS;

export const MIXTURE_PRESET_NAMES = Object.keys(MIXTURE_PRESETS) as MixturePreset[];
