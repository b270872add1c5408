import { compileOnce } from './compile-module.js';
import { KERNELS_F32_WASM_BASE64 } from './kernels-f32-wasm.js';

/** Byte offsets in the float32 kernels' memory (see the layout at the top of `kernels-f32.wat`). */
export const F32_LAYOUT = {
  /** The four lane generators: xoshiro128+ words s0, s1, s2, s3 (4 x 4 int32). */
  lanes: 640,
  /** cx, cs, cz, dc (float32), each in four lanes. */
  step: 704,
  /** Two components: a_0x a_0y a_1x a_1y p_0x p_0y p_1x p_1y (float32), each in four lanes. */
  pair: 768,
  /** K components: a_x a_y p_x p_y c each (float32). */
  mixture: 1024,
  /** One block of positions, interleaved. */
  x: 8192,
  /** Their normals, interleaved. */
  z: 16384,
} as const;

/** The most components the float32 kernel takes (its table ends at 6,144 bytes, its logits' scratch at 28,672). */
export const MAX_F32_COMPONENTS = 256;

/** Particles per block of the kernel's memory. */
export const F32_BLOCK = 1024;

/** The exports of `kernels-f32.wat`, with views of its memory. */
export interface WasmF32Kernels {
  /** Seeds the lane generators of `block` at (step, stream) with the Philox key (k0, k1): `laneStates` in the kernel. */
  seed(block: number, step: number, stream: number, k0: number, k1: number): void;
  /** Advances the lane generators by `count` words each. */
  advance(count: number): void;
  /** The lane generators' Box-Muller normals of quads q0 .. q1 - 1 into `z` (particle 4 q + l from lane l). */
  normals(q0: number, q1: number): void;
  /**
   * The step x <- cx x + cs score + cz z of quads q0 .. q1 - 1 of `x` (`components` 2: from `pair`;
   * else from `mixture`), z from `z` when `noisy`; 1 when every new position is finite.
   */
  step(q0: number, q1: number, components: number, noisy: number): number;
  /** Writes the step's cx, cs, cz and the two components' c_1 - c_0 (each into its four lanes). */
  setStep(cx: number, cs: number, cz: number, dc: number): void;
  /** Writes two components' centres a_k and precisions p_k (in the plane; each number into its four lanes). */
  setPair(a: ArrayLike<number>, p: ArrayLike<number>): void;
  /** exp of the first `count` (a multiple of 4) values of `z`, in place (the kernel's exp, for tests). */
  expInPlace(count: number): void;
  readonly lanes: Int32Array;
  readonly mixture: Float32Array;
  readonly x: Float32Array;
  readonly z: Float32Array;
}

const f32Module = compileOnce(KERNELS_F32_WASM_BASE64);

/** A fresh instance of the float32 engine's kernels (`kernels-f32.wat`, 5 kB, compiled synchronously), or undefined without WebAssembly SIMD. */
export function createWasmF32Kernels(): WasmF32Kernels | undefined {
  const module = f32Module();
  if (module === null) return undefined;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Pick<WasmF32Kernels, 'seed' | 'advance' | 'normals' | 'step' | 'expInPlace'>;
  const { buffer } = memory;
  const step = new Float32Array(buffer, F32_LAYOUT.step, 16);
  const pair = new Float32Array(buffer, F32_LAYOUT.pair, 32);
  return {
    seed: exports.seed,
    advance: exports.advance,
    normals: exports.normals,
    step: exports.step,
    expInPlace: exports.expInPlace,
    lanes: new Int32Array(buffer, F32_LAYOUT.lanes, 16),
    setStep(cx, cs, cz, dc) {
      for (const [i, value] of [cx, cs, cz, dc].entries()) step.fill(value, 4 * i, 4 * i + 4);
    },
    setPair(a, p) {
      for (let i = 0; i < 4; i++) {
        pair.fill(a[i], 4 * i, 4 * i + 4);
        pair.fill(p[i], 16 + 4 * i, 20 + 4 * i);
      }
    },
    mixture: new Float32Array(buffer, F32_LAYOUT.mixture, 5 * MAX_F32_COMPONENTS),
    x: new Float32Array(buffer, F32_LAYOUT.x, 2 * F32_BLOCK),
    z: new Float32Array(buffer, F32_LAYOUT.z, 2 * F32_BLOCK),
  };
}

let shared: WasmF32Kernels | null | undefined;

/** This thread's float32 kernels, created on first use; undefined without SIMD. */
export function wasmF32Kernels(): WasmF32Kernels | undefined {
  if (shared === undefined) shared = createWasmF32Kernels() ?? null;
  return shared ?? undefined;
}
