import { philox4x32 } from './philox.js';
import { Xoshiro128 } from './xoshiro128.js';
import { fillNormals, fillUniforms } from './ziggurat.js';

/**
 * Particle ids are grouped in fixed blocks of this many; each (seed, block, step, stream) has its
 * own random stream. The blocks do not depend on the batch size, so neither do the numbers.
 */
export const ID_BLOCK_SIZE = 1024;

/** The particles to draw for: an array of ids, or the contiguous range `first .. first + count - 1`. */
export type ParticleIds = Uint32Array | { readonly first: number; readonly count: number };

/** Which draw: the step of the stage and a stream number that tells apart the uses within a step. */
export interface DrawKey {
  readonly step: number;
  /** Distinct per purpose (use `streamId('reverse-noise')`, say); defaults to 0. */
  readonly stream?: number;
}

/**
 * The run's source of randomness, keyed by seed, particle id, step and stream: the numbers a
 * particle gets at a step do not depend on the batch it travels in, on the batch size, or on the
 * order in which batches are processed.
 *
 * Construction: Philox4x32-10 (counter = block of ids, step, stream, distribution; key = seed)
 * seeds a xoshiro128** per block, which then serves the block's particles in id order; normals by
 * the ziggurat method. This is the "sub-streams per block of ids" scheme of Random123 and JAX's
 * `fold_in`, with the block's cheap generator doing the bulk of the work.
 */
export interface Rng {
  readonly seed: number;
  /** Fills `out[i * width + j]` with standard normals for particle `ids[i]`, j < width. Returns `out`. */
  normal<A extends Float32Array | Float64Array>(out: A, ids: ParticleIds, width: number, key: DrawKey): A;
  /** Fills `out[i * width + j]` with uniforms in (0, 1) for particle `ids[i]`. Returns `out`. */
  uniform<A extends Float32Array | Float64Array>(out: A, ids: ParticleIds, width: number, key: DrawKey): A;
}

const NORMAL = 0;
const UNIFORM = 1;
const TWO_POW_32 = 2 ** 32;

/** FNV-1a hash of a name: a stable stream number for `DrawKey.stream`. */
export function streamId(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Creates the run's random source from an integer seed in [0, 2^53). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`createRng: seed must be an integer in [0, 2^53), got ${seed}.`);
  }
  const key: [number, number] = [seed % TWO_POW_32, Math.floor(seed / TWO_POW_32)];
  const source = new Xoshiro128();
  const words = new Uint32Array(4);
  let scratch = new Float64Array(0);

  type Fill = typeof fillNormals;

  function startBlock(block: number, drawKey: DrawKey, distribution: number): void {
    philox4x32([block, drawKey.step >>> 0, (drawKey.stream ?? 0) >>> 0, distribution], key, words);
    source.reset(words[0], words[1], words[2], words[3]);
  }

  function skip(fill: Fill, count: number): void {
    if (count === 0) return;
    if (scratch.length < count) scratch = new Float64Array(count);
    fill(source, scratch, 0, count);
  }

  function draw<A extends Float32Array | Float64Array>(
    fill: Fill,
    distribution: number,
    out: A,
    ids: ParticleIds,
    width: number,
    drawKey: DrawKey,
  ): A {
    const n = ids instanceof Uint32Array ? ids.length : ids.count;
    if (out.length < n * width) {
      throw new RangeError(`Rng: out holds ${out.length} values, needs ${n} particles x ${width}.`);
    }
    if (!(ids instanceof Uint32Array)) {
      let i = 0;
      while (i < n) {
        const id = ids.first + i;
        const block = Math.floor(id / ID_BLOCK_SIZE);
        const offset = id - block * ID_BLOCK_SIZE;
        const run = Math.min(n - i, ID_BLOCK_SIZE - offset);
        startBlock(block, drawKey, distribution);
        skip(fill, offset * width);
        fill(source, out, i * width, run * width);
        i += run;
      }
      return out;
    }
    let block = -1;
    let position = 0; // next id offset the stream would serve
    let i = 0;
    while (i < n) {
      const id = ids[i];
      const idBlock = Math.floor(id / ID_BLOCK_SIZE);
      const offset = id - idBlock * ID_BLOCK_SIZE;
      if (idBlock !== block || offset < position) {
        startBlock(idBlock, drawKey, distribution);
        block = idBlock;
        position = 0;
      }
      skip(fill, (offset - position) * width);
      let j = i + 1;
      while (j < n && ids[j] === ids[j - 1] + 1 && ids[j] - idBlock * ID_BLOCK_SIZE < ID_BLOCK_SIZE) j++;
      fill(source, out, i * width, (j - i) * width);
      position = offset + (j - i);
      i = j;
    }
    return out;
  }

  return {
    seed,
    normal: (out, ids, width, drawKey) => draw(fillNormals, NORMAL, out, ids, width, drawKey),
    uniform: (out, ids, width, drawKey) => draw(fillUniforms, UNIFORM, out, ids, width, drawKey),
  };
}

/**
 * A seed for a separate purpose (e.g. the reference sample of a run), derived from `seed` and a
 * name by Philox4x32-10: independent of the run's own draws, the same on every machine.
 */
export function deriveSeed(seed: number, purpose: string): number {
  const words = philox4x32([streamId(purpose), 0xffffffff, 0xffffffff, 0xffffffff], [seed % TWO_POW_32, Math.floor(seed / TWO_POW_32)]);
  return words[0] + (words[1] & 0x1fffff) * TWO_POW_32;
}

/**
 * `ids` as a range `{ first, count }` when they are consecutive (the usual case: sources number
 * particles 0, 1, 2, ...), else `ids` itself. Draws over a range skip the per-id walk; a stage
 * calls this once per batch.
 */
export function compactIds(ids: Uint32Array): ParticleIds {
  const n = ids.length;
  if (n === 0) return ids;
  const first = ids[0];
  for (let i = 1; i < n; i++) if (ids[i] !== first + i) return ids;
  return { first, count: n };
}
