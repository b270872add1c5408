import { stochasticSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { checkEngine, reverseEngineOption } from '../wasm/engine-option.js';
import { wasmEulerMaruyamaUnfit } from '../wasm/wasm-euler-maruyama.js';
import { wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { eulerMaruyama } from './euler-maruyama.js';

/** `euler-maruyama`: the reverse-time SDE from the prior with a score model (see `eulerMaruyama`). */
export const eulerMaruyamaPlugin = reverseSamplerPlugin({
  name: 'euler-maruyama',
  description: 'Reverse-time SDE (Anderson 1982) by Euler-Maruyama, steered by a score model (score_sde)',
  ...stochasticSamplerSpec('take the last step without noise', { engine: reverseEngineOption() }),
  create: (sampler, options, ctx) => {
    checkEngine(options.engine, { wasm: () => wasmEulerMaruyamaUnfit(sampler.sde, sampler.score, sampler.rng), 'wasm-f32': () => wasmF32Unfit(sampler.sde, sampler.score) }, ctx);
    return eulerMaruyama({ ...sampler, noiseRemoval: options.noiseRemoval, engine: options.engine });
  },
});
