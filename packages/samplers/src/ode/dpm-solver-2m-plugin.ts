import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { dpmSolver2m } from './dpm-solver-2m.js';

/** `dpm-solver-2m`: DPM-Solver++(2M) (Lu et al. 2022) for any linear SDE (see `dpmSolver2m`). */
export const dpmSolver2mPlugin = reverseSamplerPlugin({
  name: 'dpm-solver-2m',
  description: 'DPM-Solver++(2M) (Lu et al. 2022, Algorithm 2; k-diffusion sample_dpmpp_2m): deterministic, 2nd order, 1 NFE per step',
  defaults: { steps: 20, snapshotEvery: 5, tEnd: 1e-3 },
  create: (sampler) => dpmSolver2m(sampler),
});
