import { type Rng, streamId } from '@scoreflow/core';

/** The stream of the subset draws (`DrawKey.stream`), apart from every other use of the seed. */
export const SUBSET_STREAM = streamId('empirical-subset');

const timeBits = new Float64Array(1);
const timeWords = new Uint32Array(timeBits.buffer);

/**
 * The `DrawKey.step` of the subset drawn at time `t`: a 32-bit hash of the bits of t (float64), so
 * that every call at the same t (every batch of a step, a sampler's second evaluation at the same
 * time) sees the same subset, and other times see other subsets.
 */
export function subsetStep(t: number): number {
  timeBits[0] = t;
  return (timeWords[0] ^ Math.imul(timeWords[1], 0x9e3779b1) ^ (timeWords[1] >>> 15)) >>> 0;
}

/** The buffers of `drawSubset`: k = `size` indices out of N = `permutation.length`. */
export interface SubsetDraw {
  readonly size: number;
  /** The identity permutation of 0 .. N - 1 between calls. */
  readonly permutation: Uint32Array;
  /** The chosen indices, in draw order. */
  readonly indices: Uint32Array;
  /** Scratch: the k uniforms, then the swap partners. */
  readonly uniforms: Float64Array;
  readonly partners: Uint32Array;
}

/** Buffers to draw subsets of `size` out of `total` points. */
export function createSubsetDraw(total: number, size: number): SubsetDraw {
  return {
    size,
    permutation: Uint32Array.from({ length: total }, (_, i) => i),
    indices: new Uint32Array(size),
    uniforms: new Float64Array(size),
    partners: new Uint32Array(size),
  };
}

/**
 * Draws k of the indices 0 .. N - 1 uniformly without replacement (a partial Fisher-Yates
 * shuffle: Knuth, TAOCP vol. 2, algorithm 3.4.2 P, stopped after k swaps) from k uniforms of
 * `rng` keyed by (`step`, `SUBSET_STREAM`), draw i taken as "particle" i. Writes them into
 * `draw.indices` (in draw order) and returns it, then undoes its swaps so that `draw.permutation`
 * is the identity again: the subset depends on (seed, step) only, never on earlier calls. O(k) per
 * call, no allocation.
 */
export function drawSubset(draw: SubsetDraw, rng: Rng, step: number): Uint32Array {
  const { size, permutation, indices, uniforms, partners } = draw;
  const total = permutation.length;
  rng.uniform(uniforms, { first: 0, count: size }, 1, { step, stream: SUBSET_STREAM });
  for (let i = 0; i < size; i++) {
    // u in (0, 1): j uniform on i .. total - 1 (the min guards the rounding of u (total - i) up to total - i).
    const j = Math.min(i + Math.floor(uniforms[i] * (total - i)), total - 1);
    partners[i] = j;
    const chosen = permutation[j];
    permutation[j] = permutation[i];
    permutation[i] = chosen;
    indices[i] = chosen;
  }
  for (let i = size - 1; i >= 0; i--) {
    const j = partners[i];
    const swapped = permutation[j];
    permutation[j] = permutation[i];
    permutation[i] = swapped;
  }
  return indices;
}
