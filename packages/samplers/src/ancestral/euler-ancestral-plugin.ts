import { etaSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { eulerAncestral } from './euler-ancestral.js';

/** `euler-ancestral`: k-diffusion's Euler ancestral sampler for any linear SDE (see `eulerAncestral`). */
export const eulerAncestralPlugin = reverseSamplerPlugin({
  name: 'euler-ancestral',
  description: "Euler ancestral (k-diffusion sample_euler_ancestral) in sigma = s/m for any linear SDE; 1 NFE per step",
  ...etaSamplerSpec(1, 'noise share of each step (get_ancestral_step): 1 ancestral, 0 deterministic Euler'),
  create: (sampler, options) => eulerAncestral({ ...sampler, eta: options.eta }),
});
