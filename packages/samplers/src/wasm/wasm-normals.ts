import { type DrawKey, ID_BLOCK_SIZE, philox4x32 } from '@scoreflow/core';
import type { WasmKernels } from './wasm-kernels.js';

const TWO_POW_32 = 2 ** 32;
/** Core's distribution words in the Philox counter (`createRng`): normals and uniforms. */
export const DISTRIBUTION = { normal: 0, uniform: 1 } as const;

/** Where a kernel's normals come from: core's keyed generator for `seed`, at draw key `key`. */
export interface NormalKey {
  readonly seed: number;
  readonly key: DrawKey;
}

const words = new Uint32Array(4);

/**
 * Seeds the kernels' xoshiro128** with the stream of id block `block` at `draw`, as core's
 * `createRng` does (Philox4x32-10 on counter (block, step, stream, distribution), key = seed), so
 * that `normals` (or, for `DISTRIBUTION.uniform`, `uniforms`) then serves the block's particles in id order.
 */
export function startNormalBlock(kernels: WasmKernels, block: number, draw: NormalKey, distribution: number = DISTRIBUTION.normal): void {
  const { seed, key } = draw;
  philox4x32([block, key.step >>> 0, (key.stream ?? 0) >>> 0, distribution], [seed % TWO_POW_32, Math.floor(seed / TWO_POW_32)], words);
  const { state } = kernels;
  state[0] = words[0];
  state[1] = words[1];
  state[2] = words[2];
  state[3] = words[3];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
}

/** Draws `count` normals of the current block into the kernels' scratch, discarding them (a skip to a later id). */
export function skipNormals(kernels: WasmKernels, count: number, scratch: number): void {
  if (count > 0) kernels.normals(scratch, count, 0, 0);
}

/**
 * `rng.normal(out, { first, count }, width, key)` of core's `createRng(seed)`, bit for bit, drawn
 * by the WebAssembly ziggurat: each block of ids from its own seeded stream, the values passing
 * through the kernels' chunk of normals.
 */
export function wasmNormals(kernels: WasmKernels, out: Float32Array, ids: { readonly first: number; readonly count: number }, width: number, draw: NormalKey, scratch: number): Float32Array {
  const { first, count } = ids;
  if (out.length < count * width) throw new RangeError(`wasmNormals: out holds ${out.length} values, needs ${count} particles x ${width}.`);
  const capacity = kernels.z.length;
  eachIdBlock(first, count, (block, offset, i, run) => {
    startNormalBlock(kernels, block, draw);
    skipNormals(kernels, offset * width, scratch);
    for (let done = 0; done < run * width; done += capacity) {
      const values = Math.min(capacity, run * width - done);
      kernels.normals(kernels.zOffset, values, 4, 0);
      out.set(kernels.z.subarray(0, values), i * width + done);
    }
  });
  return out;
}

/**
 * Visits each block of core's keyed ids that the range `first .. first + count - 1` crosses: the
 * block, the place of the range's first id in it, where in the range its ids start, and how many.
 */
function eachIdBlock(first: number, count: number, visit: (block: number, offset: number, at: number, run: number) => void): void {
  let i = 0;
  while (i < count) {
    const id = first + i;
    const block = Math.floor(id / ID_BLOCK_SIZE);
    const offset = id - block * ID_BLOCK_SIZE;
    const run = Math.min(count - i, ID_BLOCK_SIZE - offset);
    visit(block, offset, i, run);
    i += run;
  }
}

/**
 * Core's keyed draws for the ids `first .. first + count - 1` (a range), `width` values each, written
 * by the kernels straight into their memory at `out` as float64: normals (`rng.normal` into a
 * Float64Array) or uniforms (`rng.uniform`), bit for bit. Each block of ids from its own seeded
 * stream, skipping to the first id's place in it.
 */
export function wasmDrawsAt(kernels: WasmKernels, out: number, first: number, count: number, width: number, draw: NormalKey, distribution: number, scratch: number): void {
  eachIdBlock(first, count, (block, offset, i, run) => {
    startNormalBlock(kernels, block, draw, distribution);
    if (distribution === DISTRIBUTION.normal) {
      skipNormals(kernels, offset * width, scratch);
      kernels.normals(out + 8 * i * width, run * width, 8, 1);
    } else {
      // a skip of uniforms: draws into the place of this run, then overwritten
      for (let skipped = 0; skipped < offset * width; skipped += run * width) kernels.uniforms(out + 8 * i * width, Math.min(run * width, offset * width - skipped));
      kernels.uniforms(out + 8 * i * width, run * width);
    }
  });
}
