import { type DrawKey, ID_BLOCK_SIZE, type ParticleIds, Xoshiro128, counterKey, philox4x32 } from '@scoreflow/core';
import { zigguratFast, zigguratSlow } from './ziggurat-f32.js';

/** The Philox counter's last word for generator g of a block: 'LAN0' + g, apart from core's distributions. */
const LANE_DISTRIBUTION = 0x4c414e30;

/** The float32 engine's lane generators per block of ids: two f32x4's worth, eight lanes. */
export const LANES = 8;

/** The block's ninth generator, for the ziggurat's slow path: 'LAN8'. */
const FALLBACK = LANES;

/** A generator of a block at a key from Philox4x32-10 at counter (block, step, stream, 'LAN0' + g), key = `counterKey(seed)`; an all-zero state (a fixed point) becomes (1, 0, 0, 0), as core's. */
function philoxGenerator(seed: number, block: number, key: DrawKey, g: number): Xoshiro128 {
  const words = philox4x32([block >>> 0, key.step >>> 0, (key.stream ?? 0) >>> 0, LANE_DISTRIBUTION + g], counterKey(seed), new Uint32Array(4));
  const generator = new Xoshiro128();
  generator.reset(words[0], words[1], words[2], words[3]);
  return generator;
}

/**
 * The float32 engine's generators of one block of 1,024 particle ids at a draw key, in the
 * kernel's layout: eight lane generators (xoshiro128 states, drawn with the '+' scrambler,
 * `nextPlus`; lane g from Philox4x32-10 at counter (block, step, stream, 'LAN0' + g)), as two
 * groups of four, each words s0, s1, s2, s3 with lane g at g mod 4 (`out[0 .. 15]` lanes 0 to 3,
 * `out[16 .. 31]` lanes 4 to 7), then the fallback generator's s0 .. s3 (`out[32 .. 35]`, 'LAN8'),
 * which draws the ziggurat's rare slow paths.
 */
export function laneStates(seed: number, block: number, key: DrawKey, out: Int32Array = new Int32Array(4 * LANES + 4)): Int32Array {
  for (let g = 0; g <= LANES; g++) {
    const { s0, s1, s2, s3 } = philoxGenerator(seed, block, key, g);
    const at = g === FALLBACK ? 4 * LANES : 16 * (g >> 2) + (g & 3);
    const stride = g === FALLBACK ? 1 : 4;
    out[at] = s0;
    out[at + stride] = s1;
    out[at + 2 * stride] = s2;
    out[at + 3 * stride] = s3;
  }
  return out;
}

/**
 * xoshiro128+ (Blackman and Vigna 2018): the word s0 + s3, then the state step of core's
 * `Xoshiro128` (shared by the '**' and '+' scramblers). The '+' scrambler is their generator for
 * floating-point numbers: its weak lowest bits end up as the lowest bits of the ziggurat's 22-bit
 * j, or are dropped by a uniform's 23 bits.
 */
function nextPlus(generator: Xoshiro128): number {
  const result = (generator.s0 + generator.s3) >>> 0;
  generator.next();
  return result;
}

/**
 * The 1,024 x 2 normals of one block at a key (`laneNormals`' per-block work) in the kernel's
 * layout and order (`normals`): value v = 8 q + m takes word q of lane m through the ziggurat's
 * fast path (quad q's particles 4 q + l: their x normals at 8 q + l, their y at 8 q + 4 + l); then
 * the values whose word failed it, in order, take the slow path with the fallback generator's words.
 */
export function blockNormals(seed: number, block: number, key: DrawKey, out: Float32Array = new Float32Array(2 * ID_BLOCK_SIZE)): Float32Array {
  const lanes = Array.from({ length: LANES }, (_, g) => philoxGenerator(seed, block, key, g));
  const fallback = philoxGenerator(seed, block, key, FALLBACK);
  const words = new Uint32Array(2 * ID_BLOCK_SIZE);
  for (let v = 0; v < words.length; v++) {
    words[v] = nextPlus(lanes[v % LANES]);
    out[v] = zigguratFast(words[v]);
  }
  const next = () => nextPlus(fallback);
  for (let v = 0; v < words.length; v++) if (Number.isNaN(out[v])) out[v] = zigguratSlow(words[v], next);
  return out;
}

/** Where particle offset o's x normal lies in a block's normals (`blockNormals`): 8 (o >> 2) + (o & 3); its y normal 4 on. */
export const quadOffset = (offset: number): number => 8 * (offset >> 2) + (offset & 3);

/**
 * The float32 engine's standard normals in the plane (`engine: wasm-f32`), the TypeScript twin of
 * its kernel, bit for bit: the particles of block b = floor(id / 1024) draw from its generators
 * (`laneStates(seed, b, key)`) by the ziggurat in float32 (`zigguratFast`, `zigguratSlow`; the
 * layout and order in `blockNormals`), particle `ids[i]`'s two normals into `out[2 i]`, `out[2 i + 1]`. A
 * particle's normals depend on (seed, id, key) alone: any batch, any split. For the ids the kernel
 * cannot take as a range, and for tests. Returns `out`.
 */
export function laneNormals(out: Float32Array, seed: number, ids: ParticleIds, key: DrawKey): Float32Array {
  const n = ids instanceof Uint32Array ? ids.length : ids.count;
  if (out.length < 2 * n) throw new RangeError(`laneNormals: out holds ${out.length} values, needs ${n} particles x 2.`);
  const blocks = new Map<number, Float32Array>();
  for (let i = 0; i < n; i++) {
    const id = ids instanceof Uint32Array ? ids[i] : ids.first + i;
    const block = Math.floor(id / ID_BLOCK_SIZE);
    let normals = blocks.get(block);
    if (normals === undefined) blocks.set(block, (normals = blockNormals(seed, block, key)));
    const at = quadOffset(id - block * ID_BLOCK_SIZE);
    out[2 * i] = normals[at];
    out[2 * i + 1] = normals[at + 4];
  }
  return out;
}
