import { stochasticSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { ancestral } from './ancestral.js';

/** `ancestral`: DDPM's ancestral sampling for any linear SDE (see `ancestral`). */
export const ancestralPlugin = reverseSamplerPlugin({
  name: 'ancestral',
  description: "Ancestral sampling from the forward process's Gaussian posterior (Ho et al. 2020, Algorithm 2; score_sde)",
  ...stochasticSamplerSpec('take the last step as the posterior mean, without noise'),
  create: (sampler, options) => ancestral({ ...sampler, noiseRemoval: options.noiseRemoval }),
});
