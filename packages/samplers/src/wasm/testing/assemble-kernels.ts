import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

/** The WebAssembly text of the samplers' kernels: `kernels.wat` (float64, TypeScript's bytes) and `kernels-f32.wat` (the float32 engine). */
export type KernelSource = 'kernels.wat' | 'kernels-f32.wat';

/** The path of a kernel source, beside this folder. */
export const kernelSourcePath = (source: KernelSource): URL => new URL(`../${source}`, import.meta.url);

/** The path of `kernels.wat`. */
export const KERNELS_WAT_PATH = kernelSourcePath('kernels.wat');

/**
 * Assembles a kernel source (`kernels.wat` by default) with wabt's wat2wasm (SIMD on, nothing
 * else) into the module's bytes: what `npm run build:wasm` writes into `kernels-wasm.ts` (or
 * `kernels-f32-wasm.ts`), and what their specs compare with them.
 */
export async function assembleKernels(source: KernelSource = 'kernels.wat'): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(source, readFileSync(kernelSourcePath(source), 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
