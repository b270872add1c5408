import { type DiffusedComponents, ID_BLOCK_SIZE } from '@scoreflow/core';
import { CHUNK_PARTICLES, KERNEL_LAYOUT, MAX_KERNEL_COMPONENTS, type WasmKernels, kernelComponents, writeComponentTable } from './wasm-kernels.js';
import { type NormalKey, skipNormals, startNormalBlock } from './wasm-normals.js';

/** The affine reverse update x <- scale x - scoreDt score + noise z (samplers' `affineStep`). */
export interface AffineUpdate {
  readonly scale: number;
  readonly scoreDt: number;
  /** 0 for a step without noise (then no normals are drawn). */
  readonly noise: number;
}

/**
 * The noise of a step: drawn by the kernel from core's keyed generator for a contiguous range of
 * ids (`{ first, count }` and a `NormalKey`), or given (`z`, one normal per coordinate, drawn by
 * the caller for ids that are not a range).
 */
export type StepNoise = { readonly first: number; readonly normals: NormalKey } | { readonly z: Float32Array };

/**
 * One fused reverse Euler-Maruyama step of the particles `x` (row-major, dim 2) with the exact
 * score of a mixture in the plane (any number of components up to `MAX_KERNEL_COMPONENTS`),
 * diffused to the step's time (`components`, core's `diffuseComponents`), in the WebAssembly SIMD
 * kernel: score (core's `writeGradLogDensity`, unrolled for two components, generic otherwise),
 * keyed normals (core's `rng.normal`), `affineStep` and its finiteness check, chunk by chunk (one
 * block of ids at a time, in the kernel's memory). Bit-identical to the TypeScript path
 * (`reverseSde(sde).eulerMaruyamaStep` with `mixtureScore`). Returns whether every new position is
 * finite (before rounding to float32, as `affineStep`).
 */
export function wasmMixtureStep(kernels: WasmKernels, x: Float32Array, components: DiffusedComponents, update: AffineUpdate, noise: StepNoise | undefined): boolean {
  const noisy = update.noise !== 0;
  if (noisy && noise === undefined) throw new RangeError('wasmMixtureStep: a step with noise needs its normals (noise).');
  return runChunks('wasmMixtureStep', kernels, x, components, [update.scale, update.scoreDt, update.noise], noisy ? 1 : 0, noisy ? noise : undefined);
}

/** The probability-flow Euler step x <- x + dt (a x - w score) (`odeEuler` for a linear drift f = a x, w = g^2 / 2). */
export interface FlowUpdate {
  readonly a: number;
  /** w = lambda g^2 with lambda = 1/2: the weight of the score in the probability-flow velocity. */
  readonly weight: number;
  readonly dt: number;
}

/**
 * One Euler step of the probability-flow ODE (Song et al. 2021, eq. 13) of the particles `x` (dim
 * 2) with the exact mixture score (as `wasmMixtureStep`), in the WebAssembly SIMD kernel: the velocity
 * a x - w score rounded to float32 (as `odeEuler`'s velocity buffer holds it), then x + dt v.
 * Bit-identical to `odeEuler` with `mixtureScore` on an SDE with a drift coefficient. Returns
 * whether every new position is finite (in float64; `odeEuler` leaves the check to the frame).
 */
export function wasmMixtureFlowStep(kernels: WasmKernels, x: Float32Array, components: DiffusedComponents, flow: FlowUpdate): boolean {
  return runChunks('wasmMixtureFlowStep', kernels, x, components, [flow.a, flow.weight, flow.dt], 2, undefined);
}

/** Runs the kernel's `mixtureStep` in `mode` over `x`, one chunk (one block of ids where normals are drawn) at a time. */
function runChunks(fn: string, kernels: WasmKernels, x: Float32Array, components: DiffusedComponents, update: readonly [number, number, number], mode: number, noise: StepNoise | undefined): boolean {
  const count = components.components;
  if (components.dim !== 2 || count > MAX_KERNEL_COMPONENTS) {
    throw new RangeError(`${fn}: takes a mixture in the plane of at most ${MAX_KERNEL_COMPONENTS} components, got ${count} in dimension ${components.dim}.`);
  }
  const n = x.length / 2;
  const { centres: a, precisions: p, logNormalisers: c } = components;
  // Two components run the unrolled score (core's gradTwoComponentsPlane) from setMixtureStep; any other K the generic one from `mixture`.
  if (count === 2) kernels.setMixtureStep(a[0], a[1], a[2], a[3], p[0], p[1], p[2], p[3], c[1] - c[0], update[0], update[1], update[2]);
  else {
    kernels.setMixtureStep(0, 0, 0, 0, 0, 0, 0, 0, 0, update[0], update[1], update[2]);
    writeComponentTable(kernels.mixture, components);
  }
  let finite = true;
  let i = 0;
  while (i < n) {
    let run = Math.min(n - i, CHUNK_PARTICLES);
    if (noise !== undefined && 'normals' in noise) {
      const id = noise.first + i;
      const block = Math.floor(id / ID_BLOCK_SIZE);
      const offset = id - block * ID_BLOCK_SIZE;
      run = Math.min(n - i, ID_BLOCK_SIZE - offset);
      startNormalBlock(kernels, block, noise.normals);
      skipNormals(kernels, offset * 2, KERNEL_LAYOUT.scratch);
      kernels.normals(kernels.zOffset, run * 2, 4, 0);
    } else if (noise !== undefined) {
      kernels.z.set(noise.z.subarray(i * 2, (i + run) * 2));
    }
    kernels.x.set(x.subarray(i * 2, (i + run) * 2));
    if (run % 2 === 1) {
      // the kernel takes particles in pairs: the slot after an odd last one computes on zeros
      kernels.x.fill(0, run * 2, run * 2 + 2);
      kernels.z.fill(0, run * 2, run * 2 + 2);
    }
    if (kernels.mixtureStep(kernels.xOffset, kernels.zOffset, run, mode, kernelComponents(count)) === 0) finite = false;
    x.set(kernels.x.subarray(0, run * 2), i * 2);
    i += run;
  }
  return finite;
}
