import { type DrawKey, ID_BLOCK_SIZE, type ParticleIds, Xoshiro128, counterKey, philox4x32 } from '@scoreflow/core';

/** The Philox counter's last word for lane l's generator: 'LAN0' + l, apart from core's distributions. */
const LANE_DISTRIBUTION = 0x4c414e30;

/** Lanes of the float32 engine's generators: one per f32x4 lane. */
export const LANES = 4;

/**
 * The float32 engine's lane generators of one block of 1,024 particle ids at a draw key: four
 * xoshiro128 states (the kernel draws from them with the '+' scrambler, `nextPlus`) (lane l from Philox4x32-10 at counter (block, step, stream, 'LAN0' + l),
 * key = `counterKey(seed)`), as words s0, s1, s2, s3 each with lane l at l: the layout of the
 * kernel's generators. An all-zero state (a fixed point) becomes (1, 0, 0, 0), as core's.
 */
export function laneStates(seed: number, block: number, key: DrawKey, out: Int32Array = new Int32Array(4 * LANES)): Int32Array {
  const philoxKey = counterKey(seed);
  const words = new Uint32Array(4);
  const generator = new Xoshiro128();
  for (let lane = 0; lane < LANES; lane++) {
    philox4x32([block >>> 0, key.step >>> 0, (key.stream ?? 0) >>> 0, LANE_DISTRIBUTION + lane], philoxKey, words);
    generator.reset(words[0], words[1], words[2], words[3]);
    out[lane] = generator.s0;
    out[LANES + lane] = generator.s1;
    out[2 * LANES + lane] = generator.s2;
    out[3 * LANES + lane] = generator.s3;
  }
  return out;
}

const f = Math.fround;
const bits = new Uint32Array(1);
const float = new Float32Array(bits.buffer);

const F32 = {
  sqrt2: f(Math.SQRT2),
  ln2: f(Math.LN2),
  third: f(1 / 3),
  fifth: f(0.2),
  seventh: f(1 / 7),
  ninth: f(1 / 9),
  twoPi: f(2 * Math.PI),
  cos: [f(-0.5), f(1 / 24), f(-1 / 720), f(1 / 40320)],
  sin: [f(-1 / 6), f(1 / 120), f(-1 / 5040), f(1 / 362880)],
} as const;

/** The uniform of a word: (floor(w / 2^9) + 0.5) 2^-23, exact in float32. */
const uniform = (word: number): number => ((word >>> 9) + 0.5) * 2 ** -23;

/**
 * Box-Muller in float32 on two words, operation for operation as the kernel's `normals` (every
 * step rounded to float32 by `Math.fround`, which for +, -, *, / and sqrt gives the float32
 * operation's result exactly): writes z0 and z1 at `out[at]`, `out[at + 1]`.
 */
function boxMuller(w0: number, w1: number, out: Float32Array, at: number): void {
  const u0 = uniform(w0);
  const u1 = uniform(w1);
  float[0] = u0;
  let e = (bits[0] >>> 23) - 127;
  bits[0] = (bits[0] & 0x007fffff) | 0x3f800000;
  let m = float[0];
  if (m > F32.sqrt2) {
    m = f(m * 0.5);
    e += 1;
  }
  const s = f(f(m - 1) / f(m + 1));
  const s2 = f(s * s);
  let series = f(f(s2 * F32.ninth) + F32.seventh);
  series = f(f(s2 * series) + F32.fifth);
  series = f(f(s2 * series) + F32.third);
  series = f(f(s2 * series) + 1);
  const log = f(f(e * F32.ln2) + f(f(s + s) * series));
  const r = f(Math.sqrt(f(log * -2)));
  const q = Math.round(u1 * 4); // 4 u1 is never halfway between integers: no tie to break
  const x = f(f(u1 - q * 0.25) * F32.twoPi);
  const x2 = f(x * x);
  let cos = f(f(x2 * F32.cos[3]) + F32.cos[2]);
  cos = f(f(x2 * cos) + F32.cos[1]);
  cos = f(f(x2 * cos) + F32.cos[0]);
  cos = f(f(x2 * cos) + 1);
  let sin = f(f(x2 * F32.sin[3]) + F32.sin[2]);
  sin = f(f(x2 * sin) + F32.sin[1]);
  sin = f(f(x2 * sin) + F32.sin[0]);
  sin = f(f(x2 * sin) + 1);
  sin = f(x * sin);
  const swap = (q & 1) === 1;
  const c = swap ? sin : cos;
  const s1 = swap ? cos : sin;
  out[at] = f(r * ((q + 1) & 2 ? -c : c));
  out[at + 1] = f(r * (q & 2 ? -s1 : s1));
}

/**
 * xoshiro128+ (Blackman and Vigna 2018): the word s0 + s3, then the state step of core's
 * `Xoshiro128` (shared by the '**' and '+' scramblers). The '+' scrambler is their generator for
 * floating-point numbers: its weak lowest bits are dropped by `uniform`.
 */
function nextPlus(generator: Xoshiro128): number {
  const result = (generator.s0 + generator.s3) >>> 0;
  generator.next();
  return result;
}

/** The 1,024 x 2 normals of one block at a key (`laneNormals`' per-block work): particle offset o = 4 q + l at 2 o. */
function blockNormals(seed: number, block: number, key: DrawKey, out: Float32Array): Float32Array {
  const states = laneStates(seed, block, key);
  const lanes = Array.from({ length: LANES }, (_, lane) => {
    const generator = new Xoshiro128();
    generator.s0 = states[lane];
    generator.s1 = states[LANES + lane];
    generator.s2 = states[2 * LANES + lane];
    generator.s3 = states[3 * LANES + lane];
    return generator;
  });
  for (let q = 0; q < ID_BLOCK_SIZE / LANES; q++) {
    const w0 = lanes.map(nextPlus);
    const w1 = lanes.map(nextPlus);
    for (let lane = 0; lane < LANES; lane++) boxMuller(w0[lane], w1[lane], out, 2 * (LANES * q + lane));
  }
  return out;
}

/**
 * The float32 engine's standard normals in the plane (`engine: wasm-f32`), the TypeScript twin of
 * its kernel, bit for bit: particle `id` in block b = floor(id / 1024) at offset o = 4 q + l
 * takes words 2 q and 2 q + 1 of lane l's xoshiro128+ (`laneStates(seed, b, key)`), and Box-Muller
 * in float32 makes its two normals `out[2 i]`, `out[2 i + 1]`. A particle's normals depend on
 * (seed, id, key) alone: any batch, any split. For the ids the kernel cannot take as a range, and
 * for tests. Returns `out`.
 */
export function laneNormals(out: Float32Array, seed: number, ids: ParticleIds, key: DrawKey): Float32Array {
  const n = ids instanceof Uint32Array ? ids.length : ids.count;
  if (out.length < 2 * n) throw new RangeError(`laneNormals: out holds ${out.length} values, needs ${n} particles x 2.`);
  const blocks = new Map<number, Float32Array>();
  for (let i = 0; i < n; i++) {
    const id = ids instanceof Uint32Array ? ids[i] : ids.first + i;
    const block = Math.floor(id / ID_BLOCK_SIZE);
    let normals = blocks.get(block);
    if (normals === undefined) blocks.set(block, (normals = blockNormals(seed, block, key, new Float32Array(2 * ID_BLOCK_SIZE))));
    const offset = id - block * ID_BLOCK_SIZE;
    out[2 * i] = normals[2 * offset];
    out[2 * i + 1] = normals[2 * offset + 1];
  }
  return out;
}
