import { ConfigError } from '@scoreflow/core';
import { z } from 'zod';
import { stochasticSamplerSpec } from '../shared/options.js';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { CPU_ENGINES, type CpuEngine, wasmEulerMaruyamaUnfit } from '../wasm/wasm-euler-maruyama.js';
import { eulerMaruyama } from './euler-maruyama.js';

/** `euler-maruyama`: the reverse-time SDE from the prior with a score model (see `eulerMaruyama`). */
export const eulerMaruyamaPlugin = reverseSamplerPlugin({
  name: 'euler-maruyama',
  description: 'Reverse-time SDE (Anderson 1982) by Euler-Maruyama, steered by a score model (score_sde)',
  ...stochasticSamplerSpec('take the last step without noise', {
    engine: z
      .enum(CPU_ENGINES as [CpuEngine, ...CpuEngine[]])
      .default('auto')
      .describe('on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact 2-component mixture score in 2-D), typescript, or wasm'),
  }),
  create: (sampler, options, ctx) => {
    if (options.engine === 'wasm') {
      const unfit = wasmEulerMaruyamaUnfit(sampler.sde, sampler.score, sampler.rng);
      if (unfit !== undefined) {
        throw new ConfigError(`The stage at ${ctx.path} cannot run on engine wasm`, [{ path: `${ctx.path}.engine`, message: `${unfit}: use engine: auto or typescript` }]);
      }
    }
    return eulerMaruyama({ ...sampler, noiseRemoval: options.noiseRemoval, engine: options.engine });
  },
});
