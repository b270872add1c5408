import { MLP_WASM_BASE64 } from './mlp-wasm.js';

/** The exports of `mlp.wat` (byte offsets into the memory it was given). */
export interface MlpKernels {
  /** out = act(a W + b) (+ res) over `rows` rows (a multiple of 4); act 0 none, 1 SiLU, 2 ReLU. */
  dense(a: number, lda: number, w: number, b: number, out: number, rows: number, k: number, n: number, act: number, res: number): void;
  /** The activation `mode` (0 none, 1 SiLU, 2 ReLU, 3 exp(-v): the tests') of `count` float32 at p, in place, plus those at `res` when not 0. */
  activate(p: number, res: number, count: number, mode: number): void;
  /** dW = a^T dz (k x n, k a multiple of 4, n of 8) over `rows` rows of a (stride lda bytes) and dz (stride ldz); added to out's values when `accumulate` is 1. */
  denseTn(a: number, lda: number, dz: number, ldz: number, out: number, rows: number, k: number, n: number, accumulate: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where this engine lacks WebAssembly SIMD (compiled once, synchronously: it is 1.5 kB). */
function mlpModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = new WebAssembly.Module(Uint8Array.from(atob(MLP_WASM_BASE64), (c) => c.charCodeAt(0)));
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Whether this JavaScript engine runs the MLP kernels (WebAssembly with SIMD). */
export const hasMlpKernels = (): boolean => mlpModule() !== null;

/** An instance of the kernels over a fresh memory of at least `bytes`; undefined without WebAssembly SIMD. */
export function instantiateMlpKernels(bytes: number): { kernels: MlpKernels; memory: WebAssembly.Memory } | undefined {
  const module = mlpModule();
  if (module === null) return undefined;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65_536) });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { kernels: instance.exports as unknown as MlpKernels, memory };
}
