import { type DiffusedComponents, type DrawKey, ID_BLOCK_SIZE, type ParticleIds, counterKey, firstNonFinite } from '@scoreflow/core';
import { laneNormals, quadOffset } from './lane-normals.js';
import { F32_BLOCK, MAX_F32_COMPONENTS, MAX_F32_SCHEDULE, type WasmF32Kernels } from './wasm-f32-kernels.js';

/** The step x <- cx x + cs score(x) + cz z, with z ~ N(0, I) drawn where cz != 0. */
export interface LinearStep {
  readonly cx: number;
  readonly cs: number;
  readonly cz: number;
}

/** Where a step's normals come from: the float32 engine's lane normals of (seed, id, key). */
export interface LaneNoise {
  readonly seed: number;
  readonly ids: ParticleIds;
  readonly key: DrawKey;
}

/**
 * One step of the particles `x` (row-major, dim 2) in the float32 kernel, x <- cx x + cs score(x)
 * + cz z, with the exact score of a mixture in the plane (`components`, diffused to the step's
 * time; up to `MAX_F32_COMPONENTS`) and, where cz != 0, the lane normals of `noise` (`laneNormals`:
 * drawn in the kernel for a range of ids, one block of ids at a time, by the TypeScript twin for
 * other ids). Everything in float32; the same bytes for the same (seed, ids, key) whatever the
 * batch. Returns whether every new position is finite.
 */
export function wasmF32MixtureStep(kernels: WasmF32Kernels, x: Float32Array, components: DiffusedComponents, step: LinearStep, noise: LaneNoise | undefined): boolean {
  const count = checkPlane('wasmF32MixtureStep', components);
  const noisy = step.cz !== 0;
  if (noisy && noise === undefined) throw new RangeError('wasmF32MixtureStep: a step with noise needs its normals (noise).');
  const draws = noisy ? noise : undefined;
  kernels.setMixture(0, components);
  kernels.setStep(step.cx, step.cs, step.cz);
  const n = x.length / 2;
  const work = (ownNormals: boolean) => (q0: number, q1: number) => {
    if (ownNormals) kernels.normals(q1);
    if (count === 2) return kernels.pairStep(q0, q1, noisy ? 1 : 0) === 1;
    kernels.score(q0, q1, count, 0, 0);
    return kernels.update(q0, q1, noisy ? 1 : 0) === 1;
  };
  let finite = true;
  if (draws !== undefined && !(draws.ids instanceof Uint32Array)) {
    const { ids } = draws;
    const [k0, k1] = counterKey(draws.seed);
    const step = draws.key.step >>> 0;
    const stream = (draws.key.stream ?? 0) >>> 0;
    // a range of ids: block by block, the kernel drawing each block's normals from its start (a block cut by the batch draws its head too)
    for (let i = 0; i < n; ) {
      const id = ids.first + i;
      const block = Math.floor(id / ID_BLOCK_SIZE);
      const offset = id - block * ID_BLOCK_SIZE;
      const length = Math.min(n - i, ID_BLOCK_SIZE - offset);
      kernels.seed(block, step, stream, k0, k1);
      finite = runBlock(kernels, x, i, offset, length, work(true)) && finite;
      i += length;
    }
    return finite;
  }
  const z = draws === undefined ? undefined : laneNormals(new Float32Array(2 * n), draws.seed, draws.ids, draws.key);
  for (let i = 0; i < n; i += F32_BLOCK) {
    const length = Math.min(n - i, F32_BLOCK);
    if (z !== undefined) {
      kernels.z.fill(0, 0, 8 * ((length + 3) >> 2));
      for (let k = 0; k < length; k++) {
        kernels.z[quadOffset(k)] = z[2 * (i + k)];
        kernels.z[quadOffset(k) + 4] = z[2 * (i + k) + 1];
      }
    }
    finite = runBlock(kernels, x, i, 0, length, work(false)) && finite;
  }
  return finite;
}

/** Step s of a run of steps (`wasmF32MixtureSteps`): the mixture diffused to its time, its coefficients, the key of its normals (drawn where cz != 0). */
export interface ScheduledStep {
  readonly components: DiffusedComponents;
  readonly step: LinearStep;
  readonly key: DrawKey;
}

/** Where a run of steps first made a position non-finite: after its step `step` (0-based in the run), at `index` of x (the first such value then). */
export interface NonFiniteAt {
  readonly step: number;
  readonly index: number;
}

/**
 * `steps` steps of the particles `x` (dim 2) in the float32 kernel, step s as `wasmF32MixtureStep`
 * takes it from `stepAt(s)` (called once per step, in order; it may reuse its objects), with the
 * normals of (seed, ids, step s's key). The same bytes as those steps one at a time; returns where
 * a position first became non-finite (the step-by-step run's first, whatever the blocks), or
 * undefined.
 *
 * Fused where the mixture has two components, the ids are a range and `steps` is at most
 * `MAX_F32_SCHEDULE`: the steps' constants go into the kernel's schedule, then each block of ids
 * stays in the kernel's memory for all the steps (`useStep`, `seed`, `normals`, `pairStep`), so
 * that the copies in and out, and the cache misses of a batch larger than the cache, come once a
 * run instead of once a step (temporal blocking: 0.5 ns of the step's 3.9 on a million particles).
 * Otherwise step by step.
 */
export function wasmF32MixtureSteps(
  kernels: WasmF32Kernels,
  x: Float32Array,
  steps: number,
  stepAt: (s: number) => ScheduledStep,
  noise: { readonly seed: number; readonly ids: ParticleIds },
): NonFiniteAt | undefined {
  if (steps <= 0) return undefined;
  const first = stepAt(0);
  const fused = first.components.components === 2 && first.components.dim === 2 && !(noise.ids instanceof Uint32Array) && steps <= MAX_F32_SCHEDULE;
  if (!fused) {
    for (let s = 0; s < steps; s++) {
      const { components, step, key } = s === 0 ? first : stepAt(s);
      if (!wasmF32MixtureStep(kernels, x, components, step, step.cz === 0 ? undefined : { seed: noise.seed, ids: noise.ids, key })) {
        const index = firstNonFinite(x);
        if (index >= 0) return { step: s, index };
      }
    }
    return undefined;
  }
  const noisy = new Uint8Array(steps);
  const keySteps = new Uint32Array(steps);
  const keyStreams = new Uint32Array(steps);
  for (let s = 0; s < steps; s++) {
    const { components, step, key } = s === 0 ? first : stepAt(s);
    checkPlane('wasmF32MixtureSteps', components);
    kernels.scheduleStep(s, components, step.cx, step.cs, step.cz);
    noisy[s] = step.cz === 0 ? 0 : 1;
    keySteps[s] = key.step >>> 0;
    keyStreams[s] = (key.stream ?? 0) >>> 0;
  }
  const ids = noise.ids as Exclude<ParticleIds, Uint32Array>;
  const [k0, k1] = counterKey(noise.seed);
  const n = x.length / 2;
  let found: NonFiniteAt | undefined;
  for (let i = 0; i < n; ) {
    const id = ids.first + i;
    const block = Math.floor(id / ID_BLOCK_SIZE);
    const offset = id - block * ID_BLOCK_SIZE;
    const length = Math.min(n - i, ID_BLOCK_SIZE - offset);
    const from = i;
    runBlock(kernels, x, i, offset, length, (q0, q1) => {
      for (let s = 0; s < steps; s++) {
        kernels.useStep(s);
        if (noisy[s] === 1) {
          kernels.seed(block, keySteps[s], keyStreams[s], k0, k1);
          kernels.normals(q1);
        }
        // a block's first non-finite step, looked for among its particles (not the quads' padding); earlier steps and blocks win
        if (kernels.pairStep(q0, q1, noisy[s]) !== 1 && (found === undefined || s < found.step)) {
          const index = firstNonFinite(kernels.x.subarray(2 * offset, 2 * (offset + length)));
          if (index >= 0) found = { step: s, index: 2 * from + index };
        }
      }
      return true;
    });
    i += length;
  }
  return found;
}

/**
 * Heun's step as linear combinations (Karras et al. 2022, Algorithm 1, in sigma or in the SDE's
 * time): s1 = score(x, t), y = px x + ps s1, s2 = score(y, t'), x' = cx x + cs s1 + cy y + cs2 s2;
 * on a `last` step (to t = 0, or sigma' = 0) Euler's x' = cx x + cs s1 alone.
 */
export interface HeunStep {
  readonly cx: number;
  readonly cs: number;
  readonly px: number;
  readonly ps: number;
  readonly cy: number;
  readonly cs2: number;
  readonly last: boolean;
}

/**
 * Heun's step of the particles `x` (dim 2) in the float32 kernel with the exact score of a
 * mixture in the plane diffused to the step's start (`start`) and end (`end`): the score, the
 * predictor, the second score and the corrector block by block, nothing leaving the kernel's
 * memory in between. Returns whether every new position is finite.
 */
export function wasmF32HeunStep(kernels: WasmF32Kernels, x: Float32Array, start: DiffusedComponents, end: DiffusedComponents, step: HeunStep): boolean {
  const count = checkPlane('wasmF32HeunStep', start);
  kernels.setMixture(0, start);
  kernels.setStep(step.cx, step.cs, 0);
  if (!step.last) {
    kernels.setMixture(1, end);
    kernels.setHeun(step.px, step.ps, step.cy, step.cs2);
  }
  const work = (q0: number, q1: number) => {
    kernels.score(q0, q1, count, 0, 0);
    if (step.last) return kernels.update(q0, q1, 0) === 1;
    kernels.predict(q0, q1);
    kernels.score(q0, q1, count, 1, 1);
    return kernels.combine(q0, q1) === 1;
  };
  const n = x.length / 2;
  let finite = true;
  for (let i = 0; i < n; i += F32_BLOCK) finite = runBlock(kernels, x, i, 0, Math.min(n - i, F32_BLOCK), work) && finite;
  return finite;
}

/** The number of components of a mixture the kernel takes (in the plane, up to `MAX_F32_COMPONENTS`); a RangeError for another. */
function checkPlane(fn: string, components: DiffusedComponents): number {
  const count = components.components;
  if (components.dim !== 2 || count > MAX_F32_COMPONENTS) {
    throw new RangeError(`${fn}: takes a mixture in the plane of at most ${MAX_F32_COMPONENTS} components, got ${count} in dimension ${components.dim}.`);
  }
  return count;
}

/**
 * Copies `length` particles of `x` from particle `from` into the kernel's block at `slot`, runs
 * `work` on the quads that hold them, and copies them back; returns `work`'s finiteness. The kernel
 * takes whole quads: the slots beside the particles compute on zeros and are not copied back.
 */
function runBlock(kernels: WasmF32Kernels, x: Float32Array, from: number, slot: number, length: number, work: (q0: number, q1: number) => boolean): boolean {
  const q0 = slot >> 2;
  const q1 = (slot + length + 3) >> 2;
  kernels.x.fill(0, 8 * q0, 2 * slot);
  kernels.x.set(x.subarray(2 * from, 2 * (from + length)), 2 * slot);
  kernels.x.fill(0, 2 * (slot + length), 8 * q1);
  const finite = work(q0, q1);
  x.set(kernels.x.subarray(2 * slot, 2 * (slot + length)), 2 * from);
  return finite;
}
