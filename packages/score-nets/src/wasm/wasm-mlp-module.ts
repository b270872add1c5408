import { MLP_RELAXED_WASM_BASE64, MLP_WASM_BASE64 } from './mlp-wasm.js';

/** The exports of `mlp.wat` (byte offsets into the memory it was given). */
export interface MlpKernels {
  /** out = act(a W + b) (+ res) over `rows` rows (a multiple of 4); act 0 none, 1 SiLU, 2 ReLU. */
  dense(a: number, lda: number, w: number, b: number, out: number, rows: number, k: number, n: number, act: number, res: number): void;
  /** The activation `mode` (0 none, 1 SiLU, 2 ReLU, 3 exp(-v): the tests') of `count` float32 at p, in place, plus those at `res` when not 0. */
  activate(p: number, res: number, count: number, mode: number): void;
  /** dW = a^T dz (k x n, k a multiple of 4, n of 8) over `rows` rows of a (stride lda bytes) and dz (stride ldz); added to out's values when `accumulate` is 1. */
  denseTn(a: number, lda: number, dz: number, ldz: number, out: number, rows: number, k: number, n: number, accumulate: number): void;
}

/**
 * The two builds of the kernels: `simd` (WebAssembly SIMD, every product a separate f32x4 multiply
 * then add: the same bits on every engine) and `relaxed-simd` (the matrix products' multiply-adds
 * are `f32x4.relaxed_madd`: one fused multiply-add, rounded once, where the CPU has FMA; about 1.3x
 * faster products here; the bits may differ between CPUs, never between runs on one).
 */
export type MlpKernelsVariant = 'simd' | 'relaxed-simd';

const BASE64: Readonly<Record<MlpKernelsVariant, string>> = { simd: MLP_WASM_BASE64, 'relaxed-simd': MLP_RELAXED_WASM_BASE64 };
const compiled = new Map<MlpKernelsVariant, WebAssembly.Module | null>();

/**
 * The compiled module of `variant`, or null where this engine cannot run it (compiled once per
 * variant, synchronously: 2.3 kB). A null is not cached, so that a variant enabled later (V8's flag
 * for relaxed SIMD, `enableRelaxedSimd` in the node entry) is found.
 */
function mlpModule(variant: MlpKernelsVariant): WebAssembly.Module | null {
  const known = compiled.get(variant);
  if (known) return known;
  const bytes = Uint8Array.from(atob(BASE64[variant]), (c) => c.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return null;
  const module = new WebAssembly.Module(bytes);
  compiled.set(variant, module);
  return module;
}

/**
 * The build of the kernels this engine runs: `relaxed-simd` where it has relaxed SIMD (Chrome 114+,
 * Node 22+, Node 20 with V8's `--experimental-wasm-relaxed-simd`), else `simd`; undefined without
 * WebAssembly SIMD.
 */
export function mlpKernelsVariant(): MlpKernelsVariant | undefined {
  if (mlpModule('relaxed-simd') !== null) return 'relaxed-simd';
  return mlpModule('simd') !== null ? 'simd' : undefined;
}

/** Whether this JavaScript engine runs the MLP kernels (WebAssembly with SIMD). */
export const hasMlpKernels = (): boolean => mlpKernelsVariant() !== undefined;

/**
 * An instance of the kernels (`variant`, default `mlpKernelsVariant()`) over a fresh memory of at
 * least `bytes`; undefined where this engine cannot run that build.
 */
export function instantiateMlpKernels(bytes: number, variant = mlpKernelsVariant()): { kernels: MlpKernels; memory: WebAssembly.Memory; variant: MlpKernelsVariant } | undefined {
  const module = variant === undefined ? null : mlpModule(variant);
  if (module === null || variant === undefined) return undefined;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65_536) });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { kernels: instance.exports as unknown as MlpKernels, memory, variant };
}
