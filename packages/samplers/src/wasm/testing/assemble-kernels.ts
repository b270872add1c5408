import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

/** The WebAssembly text of the samplers' kernels, `kernels.wat`, beside this folder. */
export const KERNELS_WAT_PATH = new URL('../kernels.wat', import.meta.url);

/**
 * Assembles `kernels.wat` with wabt's wat2wasm (SIMD on, nothing else) into the module's bytes:
 * what `npm run build:wasm` writes into `kernels-wasm.ts`, and what its spec compares with it.
 */
export async function assembleKernels(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('kernels.wat', readFileSync(KERNELS_WAT_PATH, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
