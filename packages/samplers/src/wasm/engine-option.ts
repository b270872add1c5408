import { ConfigError, type PluginContext } from '@scoreflow/core';
import { z } from 'zod';
import { CPU_ENGINES } from './wasm-euler-maruyama.js';
import { REVERSE_ENGINES, type ReverseEngine } from './wasm-f32-reverse-step.js';

/** The `engine` option of a CPU stage with a WebAssembly kernel (the MCMC samplers): auto by default. */
export const engineOption = (
  description = 'on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact mixture score in 2-D, a linear drift), typescript, or wasm',
) => engineEnum(CPU_ENGINES, description);

/** The `engine` option of `euler-maruyama`, `ode-euler` and `heun`, which also have the float32 kernel (`wasm-f32`): auto by default. */
export const reverseEngineOption = () =>
  engineEnum(
    REVERSE_ENGINES,
    'on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: an exact mixture score in 2-D, a linear drift), typescript, wasm, or wasm-f32 (a float32 kernel, four particles a vector, with its own normals from the seed: other bytes than typescript, several times as fast as wasm)',
  );

const engineEnum = <E extends ReverseEngine>(engines: readonly E[], description: string) =>
  z
    .enum(engines as [E, ...E[]])
    .default('auto' as E)
    .describe(description);

/** Why each kernel engine a stage has cannot run it (undefined where it can). */
export type EngineUnfit = Partial<Record<'wasm' | 'wasm-f32', () => string | undefined>>;

/**
 * Refuses `engine: wasm` or `wasm-f32` where its kernel cannot run (`unfit[engine]` says why): a
 * `ConfigError` at `path.engine`, before anything runs.
 */
export function checkEngine(engine: ReverseEngine, unfit: EngineUnfit, ctx: PluginContext): void {
  if (engine !== 'wasm' && engine !== 'wasm-f32') return;
  const reason = unfit[engine]?.();
  if (reason !== undefined) {
    throw new ConfigError(`The stage at ${ctx.path} cannot run on engine ${engine}`, [{ path: `${ctx.path}.engine`, message: `${reason}: use engine: auto or typescript` }]);
  }
}
