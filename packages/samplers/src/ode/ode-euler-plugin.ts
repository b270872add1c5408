import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { checkEngine, reverseEngineOption } from '../wasm/engine-option.js';
import { wasmMixtureUnfit } from '../wasm/wasm-euler-maruyama.js';
import { wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { odeEuler } from './ode-euler.js';

/** `ode-euler`: the probability-flow ODE by the Euler method (see `odeEuler`). */
export const odeEulerPlugin = reverseSamplerPlugin({
  name: 'ode-euler',
  description: 'Probability-flow ODE (Song et al. 2021, eq. 13) by the Euler method: deterministic, first order, 1 NFE per step',
  defaults: { steps: 100, snapshotEvery: 10, tEnd: 1e-3 },
  options: { engine: reverseEngineOption() },
  create: (sampler, options, ctx) => {
    checkEngine(options.engine, { wasm: () => wasmMixtureUnfit(sampler.sde, sampler.score), 'wasm-f32': () => wasmF32Unfit(sampler.sde, sampler.score) }, ctx);
    return odeEuler({ ...sampler, engine: options.engine });
  },
});
