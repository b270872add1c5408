import { z } from 'zod';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { checkEngine, reverseEngineOption } from '../wasm/engine-option.js';
import { wasmMixtureUnfit } from '../wasm/wasm-euler-maruyama.js';
import { wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { heun } from './heun.js';

/** `heun`: the probability-flow ODE by Heun's method, Karras et al. 2022 Algorithm 1 (see `heun`). */
export const heunPlugin = reverseSamplerPlugin({
  name: 'heun',
  description: "Probability-flow ODE by Heun's 2nd-order method (Karras et al. 2022, Algorithm 1): deterministic, 2 NFE per step",
  defaults: { steps: 25, snapshotEvery: 5, tEnd: 1e-3 },
  options: {
    space: z.enum(['sigma', 'time']).default('sigma').describe("step in sigma = s/m (Karras, k-diffusion sample_heun) or in the SDE's time t"),
    engine: reverseEngineOption(),
  },
  create: (sampler, options, ctx) => {
    checkEngine(options.engine, { wasm: () => wasmMixtureUnfit(sampler.sde, sampler.score), 'wasm-f32': () => wasmF32Unfit(sampler.sde, sampler.score) }, ctx);
    return heun({ ...sampler, space: options.space, engine: options.engine });
  },
});
