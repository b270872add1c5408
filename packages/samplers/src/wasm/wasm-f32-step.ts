import { type DiffusedComponents, type DrawKey, ID_BLOCK_SIZE, type ParticleIds, counterKey } from '@scoreflow/core';
import { laneNormals } from './lane-normals.js';
import { F32_BLOCK, MAX_F32_COMPONENTS, type WasmF32Kernels } from './wasm-f32-kernels.js';

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
  const count = components.components;
  if (components.dim !== 2 || count > MAX_F32_COMPONENTS) {
    throw new RangeError(`wasmF32MixtureStep: takes a mixture in the plane of at most ${MAX_F32_COMPONENTS} components, got ${count} in dimension ${components.dim}.`);
  }
  const noisy = step.cz !== 0;
  if (noisy && noise === undefined) throw new RangeError('wasmF32MixtureStep: a step with noise needs its normals (noise).');
  const draws = noisy ? noise : undefined;
  writeMixture(kernels, components, step);
  const n = x.length / 2;
  let finite = true;
  const run = (from: number, slot: number, length: number, ownNormals: boolean): void => {
    // the kernel takes whole quads: the slots beside the particles compute on zeros and are not copied back
    const q0 = slot >> 2;
    const q1 = (slot + length + 3) >> 2;
    kernels.x.fill(0, 8 * q0, 2 * slot);
    kernels.x.set(x.subarray(2 * from, 2 * (from + length)), 2 * slot);
    kernels.x.fill(0, 2 * (slot + length), 8 * q1);
    if (ownNormals) kernels.normals(q0, q1);
    if (kernels.step(q0, q1, count, noisy ? 1 : 0) === 0) finite = false;
    x.set(kernels.x.subarray(2 * slot, 2 * (slot + length)), 2 * from);
  };
  if (draws !== undefined && !(draws.ids instanceof Uint32Array)) {
    const { ids } = draws;
    const [k0, k1] = counterKey(draws.seed);
    const step = draws.key.step >>> 0;
    const stream = (draws.key.stream ?? 0) >>> 0;
    // a range of ids: block by block, the kernel's own generators at the particles' offsets in their block
    for (let i = 0; i < n; ) {
      const id = ids.first + i;
      const block = Math.floor(id / ID_BLOCK_SIZE);
      const offset = id - block * ID_BLOCK_SIZE;
      const length = Math.min(n - i, ID_BLOCK_SIZE - offset);
      kernels.seed(block, step, stream, k0, k1);
      kernels.advance(2 * (offset >> 2));
      run(i, offset, length, true);
      i += length;
    }
    return finite;
  }
  const z = draws === undefined ? undefined : laneNormals(new Float32Array(2 * n), draws.seed, draws.ids, draws.key);
  for (let i = 0; i < n; i += F32_BLOCK) {
    const length = Math.min(n - i, F32_BLOCK);
    if (z !== undefined) {
      kernels.z.set(z.subarray(2 * i, 2 * (i + length)));
      kernels.z.fill(0, 2 * length, 8 * ((length + 3) >> 2));
    }
    run(i, 0, length, false);
  }
  return finite;
}

/** The step and the diffused mixture as the kernel reads them: the pair's centres, precisions and c_1 - c_0 for two components, else the K-row table. */
function writeMixture(kernels: WasmF32Kernels, components: DiffusedComponents, step: LinearStep): void {
  const { centres: a, precisions: p, logNormalisers: c } = components;
  const pair = components.components === 2;
  kernels.setStep(step.cx, step.cs, step.cz, pair ? c[1] - c[0] : 0);
  if (pair) {
    kernels.setPair(a, p);
    return;
  }
  for (let k = 0; k < components.components; k++) kernels.mixture.set([a[2 * k], a[2 * k + 1], p[2 * k], p[2 * k + 1], c[k]], 5 * k);
}
