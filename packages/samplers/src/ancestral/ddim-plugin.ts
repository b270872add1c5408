import { etaSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { ddim } from './ddim.js';

/** `ddim`: DDIM (Song, Meng and Ermon 2021) for any linear SDE, with its eta (see `ddim`). */
export const ddimPlugin = reverseSamplerPlugin({
  name: 'ddim',
  description: 'DDIM (Song, Meng and Ermon 2021, eqs. 12 and 16) for any linear SDE: eta = 0 deterministic, eta = 1 DDPM-like; 1 NFE per step',
  ...etaSamplerSpec(0, 'noise share: 0 deterministic DDIM, 1 the DDPM posterior noise (clamped per step above 1)'),
  create: (sampler, options) => ddim({ ...sampler, eta: options.eta }),
});
