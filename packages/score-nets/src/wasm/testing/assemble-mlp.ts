import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

/** The WebAssembly text of the MLP kernels, `mlp.wat`, beside this folder. */
export const MLP_WAT_PATH = new URL('../mlp.wat', import.meta.url);

/**
 * The two builds of `mlp.wat`: `simd` (WebAssembly SIMD: every product a separate f32x4 multiply and
 * add) and `relaxed-simd`, where the 16 multiply-accumulates of the matrix products' micro-kernels
 * (`dense`, `denseTn`) are `f32x4.relaxed_madd` (a fused multiply-add where the CPU has one).
 */
export type MlpVariant = 'simd' | 'relaxed-simd';

/** The micro-kernels' accumulate, `c = c + x w`, as `mlp.wat` writes it. */
const ACCUMULATE = /\(f32x4\.add \(local\.get (\$c\d\d)\) \(f32x4\.mul \(local\.get (\$x)\) \(local\.get (\$w\d)\)\)\)/g;

/** The source of `variant`: `mlp.wat` itself, or with its micro-kernels' accumulates fused. */
export function mlpSource(variant: MlpVariant): string {
  const source = readFileSync(MLP_WAT_PATH, 'utf8');
  if (variant === 'simd') return source;
  let fused = 0;
  const relaxed = source.replace(ACCUMULATE, (_, c: string, x: string, w: string) => {
    fused++;
    return `(f32x4.relaxed_madd (local.get ${x}) (local.get ${w}) (local.get ${c}))`;
  });
  if (fused !== 16) throw new Error(`mlpSource: expected the 16 accumulates of dense and denseTn, found ${fused}.`);
  return relaxed;
}

/**
 * Assembles `variant` of `mlp.wat` with wabt's wat2wasm (SIMD on, and relaxed SIMD for
 * `relaxed-simd`) into the module's bytes: what `npm run build:wasm -w @scoreflow/score-nets`
 * writes into `mlp-wasm.ts`, and what its spec compares with it.
 */
export async function assembleMlp(variant: MlpVariant = 'simd'): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('mlp.wat', mlpSource(variant), { simd: true, relaxed_simd: variant === 'relaxed-simd' });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
