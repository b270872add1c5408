import { setFlagsFromString } from 'node:v8';
import { mlpKernelsVariant } from '../wasm/wasm-mlp-module.js';

/**
 * Turns on WebAssembly relaxed SIMD in this process where V8 has it behind a flag (Node 20:
 * `--experimental-wasm-relaxed-simd`; Node 22 and later have it on), so that the MLP kernels run
 * their `relaxed-simd` build (fused multiply-adds in the matrix products). V8's flags are
 * process-wide: worker threads started later see it too. Call it at start-up, before any kernel
 * runs: the command-line apps (the runner, the bench) do; a library never does it by itself.
 * Returns the build the kernels now run (`mlpKernelsVariant()`).
 */
export function enableRelaxedSimd(): ReturnType<typeof mlpKernelsVariant> {
  if (mlpKernelsVariant() === 'simd') setFlagsFromString('--experimental-wasm-relaxed-simd');
  return mlpKernelsVariant();
}
