import { ConfigError, type PluginContext } from '@scoreflow/core';
import { z } from 'zod';
import { CPU_ENGINES, type CpuEngine } from './wasm-euler-maruyama.js';

/** The `engine` option of a CPU stage with a WebAssembly kernel (`euler-maruyama`, `ode-euler`, `heun`, the MCMC samplers): auto by default. */
export const engineOption = (
  description = 'on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact 2-component mixture score in 2-D, a linear drift), typescript, or wasm',
) =>
  z
    .enum(CPU_ENGINES as [CpuEngine, ...CpuEngine[]])
    .default('auto')
    .describe(description);

/**
 * Refuses `engine: wasm` where the kernel cannot run (`unfit` says why): a `ConfigError` at
 * `path.engine`, before anything runs.
 */
export function checkEngine(engine: CpuEngine, unfit: () => string | undefined, ctx: PluginContext): void {
  if (engine !== 'wasm') return;
  const reason = unfit();
  if (reason !== undefined) {
    throw new ConfigError(`The stage at ${ctx.path} cannot run on engine wasm`, [{ path: `${ctx.path}.engine`, message: `${reason}: use engine: auto or typescript` }]);
  }
}
