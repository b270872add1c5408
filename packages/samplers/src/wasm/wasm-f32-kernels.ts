import type { DiffusedComponents } from '@scoreflow/core';
import { compileOnce } from './compile-module.js';
import { KERNELS_F32_WASM_BASE64 } from './kernels-f32-wasm.js';
import { ZIGGURAT_F32_TABLES } from './ziggurat-f32.js';

/** Byte offsets in the float32 kernels' memory (see the layout at the top of `kernels-f32.wat`). */
export const F32_LAYOUT = {
  /** Lane generators 4 .. 7: xoshiro128+ words s0, s1, s2, s3 (4 x 4 int32). */
  lanesHigh: 224,
  /** The fallback generator: its s0, s1, s2, s3 in lane 0 of four v128. */
  fallback: 288,
  /** Lane generators 0 .. 3: xoshiro128+ words s0, s1, s2, s3 (4 x 4 int32). */
  lanes: 640,
  /** cx, cs, cz (float32), each in four lanes. */
  step: 704,
  /** K components of the first mixture: a_x a_y p_x p_y c each (float32). */
  mixture: 1024,
  /** Heun's px, ps, cy, cs2, each in four lanes. */
  heun: 6144,
  /** Two components (`pairConstants`), each in four lanes; the second mixture's 256 bytes on. */
  pair: 6208,
  /** One block of positions, interleaved. */
  x: 8192,
  /** Their normals, per quad of particles the four x then the four y. */
  z: 16384,
  /** K components of the second mixture. */
  mixtureEnd: 53248,
  /** The ziggurat's tables (`ZIGGURAT_F32_TABLES`, 8 kB each), in the second page. */
  zigguratFast: 65536,
  zigguratSlow: 73728,
  /** A schedule of steps (`scheduleStep`), 320 bytes each: cx, cs, cz, then the pair, each in four lanes. */
  schedule: 131072,
} as const;

/** The most steps the schedule holds (`scheduleStep`, `useStep`). */
export const MAX_F32_SCHEDULE = 256;

/** The most components the float32 kernel takes (a table of 5 kB per mixture; the logits' scratch ends at 28,672). */
export const MAX_F32_COMPONENTS = 256;

/** Particles per block of the kernel's memory. */
export const F32_BLOCK = 1024;

/** Which mixture a score reads: the first (the step's start) or the second (Heun's end of step). */
export type MixtureSet = 0 | 1;

/** The exports of `kernels-f32.wat`, with views of its memory. */
export interface WasmF32Kernels {
  /** Seeds the generators of `block` at (step, stream) with the Philox key (k0, k1): `laneStates` in the kernel. */
  seed(block: number, step: number, stream: number, k0: number, k1: number): void;
  /**
   * The ziggurat normals of the block's quads 0 .. q1 - 1 into `z`, from lane generators fresh from
   * `seed` (a normal takes a varying number of words, so a block's draws start at its start): value
   * 8 q + l is lane l's q-th normal, or the slow path's (`laneNormals`).
   */
  normals(q1: number): void;
  /** The score of quads q0 .. q1 - 1 of x (`from` 0) or of Heun's predicted points (1), with the mixture of `set` (`setMixture`). */
  score(q0: number, q1: number, components: number, from: 0 | 1, set: MixtureSet): void;
  /** x <- cx x + cs score(x) + cz z on quads q0 .. q1 - 1 (z from `z` when `noisy`); 1 when every new position is finite. */
  update(q0: number, q1: number, noisy: number): number;
  /** The whole step x <- cx x + cs score(x) + cz z on quads q0 .. q1 - 1 for two components (the first mixture), the score not stored; 1 when every new position is finite. */
  pairStep(q0: number, q1: number, noisy: number): number;
  /** Heun's predictor y = px x + ps score(x) on quads q0 .. q1 - 1. */
  predict(q0: number, q1: number): void;
  /** Heun's corrector x <- cx x + cs score(x) + cy y + cs2 score(y) on quads q0 .. q1 - 1; 1 when every new position is finite. */
  combine(q0: number, q1: number): number;
  /** exp of the first `count` (a multiple of 4) values of `z`, in place (the kernel's exp, for tests). */
  expInPlace(count: number): void;
  /** 1 / (1 + exp(l)) of the first `count` (a multiple of 8) values of `z`, in place (the two components' weight, for tests). */
  logisticInPlace(count: number): void;
  /** Writes the step's cx, cs, cz (each into its four lanes). */
  setStep(cx: number, cs: number, cz: number): void;
  /** Writes Heun's px, ps, cy, cs2. */
  setHeun(px: number, ps: number, cy: number, cs2: number): void;
  /** Writes a diffused mixture in the plane as `set`'s scores read it: two components as `pairConstants`, any other K as a table. */
  setMixture(set: MixtureSet, components: DiffusedComponents): void;
  /** Writes step s (below `MAX_F32_SCHEDULE`) of the schedule: its cx, cs, cz and its mixture of two components (`pairConstants`). */
  scheduleStep(s: number, components: DiffusedComponents, cx: number, cs: number, cz: number): void;
  /** Makes step s of the schedule the current one (its coefficients as `setStep`'s, its pair as `setMixture(0, ...)`'s). */
  useStep(s: number): void;
  /** The generators' states in `laneStates`' layout: lanes 0 .. 3, lanes 4 .. 7, the fallback. */
  generators(): Int32Array;
  readonly x: Float32Array;
  readonly z: Float32Array;
}

const f32Module = compileOnce(KERNELS_F32_WASM_BASE64);

/** A fresh instance of the float32 engine's kernels (`kernels-f32.wat`, 6 kB, compiled synchronously; four pages of memory), or undefined without WebAssembly SIMD. */
export function createWasmF32Kernels(): WasmF32Kernels | undefined {
  const module = f32Module();
  if (module === null) return undefined;
  const memory = new WebAssembly.Memory({ initial: 4 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Pick<
    WasmF32Kernels,
    'seed' | 'normals' | 'score' | 'update' | 'pairStep' | 'predict' | 'combine' | 'expInPlace' | 'logisticInPlace' | 'useStep'
  >;
  const { buffer } = memory;
  new Uint8Array(buffer, F32_LAYOUT.zigguratFast, ZIGGURAT_F32_TABLES.fast.length).set(ZIGGURAT_F32_TABLES.fast);
  new Uint8Array(buffer, F32_LAYOUT.zigguratSlow, ZIGGURAT_F32_TABLES.slow.length).set(ZIGGURAT_F32_TABLES.slow);
  const words = new Int32Array(buffer);
  const f32 = new Float32Array(buffer);
  const splat = (offset: number, values: readonly number[]) => values.forEach((value, i) => f32.fill(value, offset / 4 + 4 * i, offset / 4 + 4 * i + 4));
  const tables = [new Float32Array(buffer, F32_LAYOUT.mixture, 5 * MAX_F32_COMPONENTS), new Float32Array(buffer, F32_LAYOUT.mixtureEnd, 5 * MAX_F32_COMPONENTS)];
  return {
    ...exports,
    setStep: (cx, cs, cz) => splat(F32_LAYOUT.step, [cx, cs, cz]),
    setHeun: (px, ps, cy, cs2) => splat(F32_LAYOUT.heun, [px, ps, cy, cs2]),
    setMixture(set, components) {
      const { centres: a, precisions: p, logNormalisers: c } = components;
      if (components.components === 2) {
        splat(F32_LAYOUT.pair + 256 * set, pairConstants(a, p, c[1] - c[0]));
        return;
      }
      for (let k = 0; k < components.components; k++) tables[set].set([a[2 * k], a[2 * k + 1], p[2 * k], p[2 * k + 1], c[k]], 5 * k);
    },
    scheduleStep(step, components, cx, cs, cz) {
      if (components.components !== 2 || components.dim !== 2 || !(step >= 0 && step < MAX_F32_SCHEDULE)) {
        throw new RangeError(`scheduleStep: takes steps 0 .. ${MAX_F32_SCHEDULE - 1} of two components in the plane, got step ${step} of ${components.components} in dimension ${components.dim}.`);
      }
      const { centres: a, precisions: p, logNormalisers: c } = components;
      splat(F32_LAYOUT.schedule + 320 * step, [cx, cs, cz, ...pairConstants(a, p, c[1] - c[0])]);
    },
    generators: () => {
      const fallback = F32_LAYOUT.fallback / 4;
      return Int32Array.of(...words.subarray(F32_LAYOUT.lanes / 4, F32_LAYOUT.lanes / 4 + 16), ...words.subarray(F32_LAYOUT.lanesHigh / 4, F32_LAYOUT.lanesHigh / 4 + 16), words[fallback], words[fallback + 4], words[fallback + 8], words[fallback + 12]);
    },
    x: new Float32Array(buffer, F32_LAYOUT.x, 2 * F32_BLOCK),
    z: new Float32Array(buffer, F32_LAYOUT.z, 2 * F32_BLOCK),
  };
}

/**
 * The kernel's constants of two components (centres a_0 = (a[0], a[1]), a_1 = (a[2], a[3]), diagonal
 * precisions p likewise, c_1 - c_0 = dc), computed in float64: about the midpoint m of the centres,
 * with e_k = a_k - m, the logit difference l_1 - l_0 = c - v . (b + h v) at x = m - v, c = dc - (e_1'
 * P_1 e_1 - e_0' P_0 e_0) / 2, b = P_1 e_1 - P_0 e_0, h = (P_1 - P_0) / 2; and the score u - p_1 x +
 * r_0 (du - dp x), u = p_1 a_1, du = p_0 a_0 - p_1 a_1, dp = p_0 - p_1. In the order of the
 * kernel's pair: m_x m_y b_x b_y h_x h_y c u_x u_y p_1x p_1y du_x du_y dp_x dp_y.
 */
export function pairConstants(a: ArrayLike<number>, p: ArrayLike<number>, dc: number): number[] {
  const m = [(a[0] + a[2]) / 2, (a[1] + a[3]) / 2];
  const e0 = [a[0] - m[0], a[1] - m[1]];
  const e1 = [a[2] - m[0], a[3] - m[1]];
  const c = dc - (e1[0] * e1[0] * p[2] + e1[1] * e1[1] * p[3] - e0[0] * e0[0] * p[0] - e0[1] * e0[1] * p[1]) / 2;
  const b = [p[2] * e1[0] - p[0] * e0[0], p[3] * e1[1] - p[1] * e0[1]];
  const h = [(p[2] - p[0]) / 2, (p[3] - p[1]) / 2];
  const u = [p[2] * a[2], p[3] * a[3]];
  return [...m, ...b, ...h, c, ...u, p[2], p[3], p[0] * a[0] - u[0], p[1] * a[1] - u[1], p[0] - p[2], p[1] - p[3]];
}

let shared: WasmF32Kernels | null | undefined;

/** This thread's float32 kernels, created on first use; undefined without SIMD. */
export function wasmF32Kernels(): WasmF32Kernels | undefined {
  if (shared === undefined) shared = createWasmF32Kernels() ?? null;
  return shared ?? undefined;
}
