import { philox4x32 } from './philox.js';

const TWO_POW_32 = 2 ** 32;

/**
 * The Philox key of a run's counter RNG: `[seed mod 2^32, floor(seed / 2^32)]` for an integer seed
 * in [0, 2^53). The GPU kernels take the same two words (`PHILOX_WGSL` in @scoreflow/webgpu).
 *
 * @example
 * counterKey(2 ** 32 + 5); // [5, 1]
 */
export function counterKey(seed: number): [number, number] {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`counterKey: seed must be an integer in [0, 2^53), got ${seed}.`);
  }
  return [seed % TWO_POW_32, Math.floor(seed / TWO_POW_32)];
}

/**
 * The four random words of one Philox4x32-10 call of the counter RNG, the CPU twin of the GPU's
 * draws, bit for bit: counter = (particle id, step, stream, call), key = `counterKey(seed)`.
 * A particle's draws at a step need no state: the GPU computes them where the particle is.
 * `id`, `step`, `stream` and `call` are taken modulo 2^32 (as the GPU's u32).
 *
 * @example
 * counterWords(42, 7, 0, streamId('reverse-noise'), 0); // Uint32Array(4) [w0, w1, w2, w3]
 */
export function counterWords(
  seed: number,
  id: number,
  step: number,
  stream: number,
  call: number,
  out: Uint32Array = new Uint32Array(4),
): Uint32Array {
  return philox4x32([id, step, stream, call], counterKey(seed), out);
}

/** 2^-23: the spacing of the counter RNG's uniforms. */
const ULP = 2 ** -23;

/**
 * The uniform of one counter word: `(floor(w / 2^9) + 0.5) * 2^-23`, in (0, 1): the top 23 bits
 * at the midpoints of 2^23 equal cells, exact in float32 (as on the GPU), from 2^-24 to 1 - 2^-24.
 */
export const counterUniform = (word: number): number => ((word >>> 9) + 0.5) * ULP;
