import { counterKey, counterUniform } from './counter-words.js';
import { philox4x32 } from './philox.js';
import type { DrawKey, ParticleIds } from './rng.js';

/** Fills `out[i * width + j]` from the words of particle `ids[i]`: `value(words, slot)` for slot j mod 4 of call floor(j / 4). */
function fillFromWords(
  where: string,
  out: Float32Array | Float64Array,
  seed: number,
  ids: ParticleIds,
  width: number,
  key: DrawKey,
  value: (words: Uint32Array, slot: number) => number,
): void {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`${where}: width must be an integer >= 1, got ${width}.`);
  const n = ids instanceof Uint32Array ? ids.length : ids.count;
  if (out.length < n * width) throw new RangeError(`${where}: out holds ${out.length} values, needs ${n} particles x ${width}.`);
  const philoxKey = counterKey(seed);
  const counter: [number, number, number, number] = [0, key.step >>> 0, (key.stream ?? 0) >>> 0, 0];
  const words = new Uint32Array(4);
  for (let i = 0; i < n; i++) {
    counter[0] = ids instanceof Uint32Array ? ids[i] : ids.first + i;
    for (let j = 0; j < width; j++) {
      const slot = j & 3;
      if (slot === 0) {
        counter[3] = j >>> 2;
        philox4x32(counter, philoxKey, words);
      }
      out[i * width + j] = value(words, slot);
    }
  }
}

/**
 * Uniforms in (0, 1) of the counter RNG, the CPU twin of the GPU's, bit for bit:
 * `out[i * width + j]` = `counterUniform(w)` of word j mod 4 of `counterWords(seed, ids[i],
 * key.step, key.stream, floor(j / 4))`. Unlike `createRng`, every number is addressed by
 * (seed, id, step, stream, j) alone. Returns `out`.
 */
export function counterUniforms<A extends Float32Array | Float64Array>(out: A, seed: number, ids: ParticleIds, width: number, key: DrawKey): A {
  fillFromWords('counterUniforms', out, seed, ids, width, key, (words, slot) => counterUniform(words[slot]));
  return out;
}

const TWO_PI = 2 * Math.PI;

/**
 * Box-Muller (Box and Muller 1958) on the uniforms (u0, u1) and (u2, u3) of one call:
 * z0 = r cos(2 pi u1), z1 = r sin(2 pi u1) with r = sqrt(-2 ln u0); z2, z3 likewise from (u2, u3).
 * In float64, so that a float32 `out` holds the exact value rounded once (the GPU's trig and log
 * differ from it by a few ulp).
 */
function boxMuller(words: Uint32Array, slot: number): number {
  const pair = slot & 2;
  const r = Math.sqrt(-2 * Math.log(counterUniform(words[pair])));
  const angle = TWO_PI * counterUniform(words[pair + 1]);
  return r * ((slot & 1) === 0 ? Math.cos(angle) : Math.sin(angle));
}

/**
 * Standard normals of the counter RNG, the CPU twin of the GPU's (`philox_normals` in
 * `PHILOX_WGSL`): `out[i * width + j]` is normal j of particle `ids[i]` at `key.step` in
 * `key.stream`, from slot j mod 4 of call floor(j / 4), by Box-Muller on the uniforms of
 * `counterUniforms`. Equal to the GPU's within about 1e-5 (float32 trig and log). Returns `out`.
 *
 * @example
 * const noise = counterNormals(new Float32Array(2 * 1000), 42, { first: 0, count: 1000 }, 2, { step: 3, stream: streamId('reverse-noise') });
 */
export function counterNormals<A extends Float32Array | Float64Array>(out: A, seed: number, ids: ParticleIds, width: number, key: DrawKey): A {
  fillFromWords('counterNormals', out, seed, ids, width, key, boxMuller);
  return out;
}
