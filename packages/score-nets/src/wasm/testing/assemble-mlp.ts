import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

/** The WebAssembly text of the MLP kernels, `mlp.wat`, beside this folder. */
export const MLP_WAT_PATH = new URL('../mlp.wat', import.meta.url);

/**
 * Assembles `mlp.wat` with wabt's wat2wasm (SIMD on, nothing else) into the module's bytes: what
 * `npm run build:wasm -w @scoreflow/score-nets` writes into `mlp-wasm.ts`, and what its spec
 * compares with it.
 */
export async function assembleMlp(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('mlp.wat', readFileSync(MLP_WAT_PATH, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
