import { ConfigError, type PluginContext } from '@scoreflow/core';
import { z } from 'zod';
import { CPU_ENGINES, type CpuEngine } from './wasm-euler-maruyama.js';
import { REVERSE_ENGINES, type ReverseEngine } from './wasm-f32-reverse-step.js';

/** The `engine` option of a CPU stage with a WebAssembly kernel (the MCMC samplers): auto by default. */
export const engineOption = (
  description = 'on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact mixture score in 2-D, a linear drift), typescript, or wasm',
) =>
  z
    .enum(CPU_ENGINES as [CpuEngine, ...CpuEngine[]])
    .default('auto')
    .describe(description);

/** The `engine` option of `euler-maruyama`, `ode-euler` and `heun`, which also have the float32 kernel (`wasm-f32`): auto by default. */
export const reverseEngineOption = () =>
  z
    .enum(REVERSE_ENGINES as [ReverseEngine, ...ReverseEngine[]])
    .default('auto')
    .describe(
      'on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact mixture score in 2-D, a linear drift), typescript, wasm, or wasm-f32 (a float32 kernel, four particles a vector, with its own normals from the seed: other bytes than typescript, about twice as fast as wasm)',
    );

/**
 * Refuses `engine: wasm` or `wasm-f32` where its kernel cannot run (`unfit` says why): a
 * `ConfigError` at `path.engine`, before anything runs.
 */
export function checkEngine(engine: ReverseEngine, unfit: () => string | undefined, ctx: PluginContext): void {
  if (engine !== 'wasm' && engine !== 'wasm-f32') return;
  const reason = unfit();
  if (reason !== undefined) {
    throw new ConfigError(`The stage at ${ctx.path} cannot run on engine ${engine}`, [{ path: `${ctx.path}.engine`, message: `${reason}: use engine: auto or typescript` }]);
  }
}
