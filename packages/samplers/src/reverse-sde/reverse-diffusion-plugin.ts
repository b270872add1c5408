import { z } from 'zod';
import { stochasticSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { reverseDiffusion } from './reverse-diffusion.js';

/** `reverse-diffusion`: score_sde's reverse-diffusion predictor as a sampler (see `reverseDiffusion`). */
export const reverseDiffusionPlugin = reverseSamplerPlugin({
  name: 'reverse-diffusion',
  description: 'Reverse diffusion: the forward discretisation run backwards (Song et al. 2021, eq. 46; score_sde)',
  ...stochasticSamplerSpec(undefined, {
    discretization: z
      .enum(['marginal', 'euler'])
      .default('marginal')
      .describe("marginal: the SDE's exact transition (score_sde's VP/VE discretize); euler: f dt and g sqrt(dt)"),
  }),
  create: (sampler, options) => reverseDiffusion({ ...sampler, noiseRemoval: options.noiseRemoval, discretization: options.discretization }),
});
