import type { Xoshiro128 } from './xoshiro128.js';

/**
 * Standard normal deviates by the ziggurat method of Marsaglia and Tsang (2000), with 128 layers
 * and the improvements of Doornik ("An improved ziggurat method to generate normal random
 * samples", 2005): the layer index and the uniform come from independent bits, and the wedges
 * and the tail are sampled exactly. About 98.8% of draws cost one 32-bit output, one compare and
 * one multiply.
 */

const LAYERS = 128;
/** Right edge of the base layer (Marsaglia and Tsang 2000, 128 layers). */
const R = 3.442619855899;
/** Area of each layer. */
const V = 9.91256303526217e-3;

/**
 * The right edges X_0 .. X_layers of a ziggurat for the standard normal (Marsaglia and Tsang 2000)
 * whose base layer ends at `r` and whose layers each have area `v`: X_0 = v / f(r) the base strip's
 * pseudo-width, X_1 = r, X_(i+1) = f^-1(v / X_i + f(X_i)), X_layers = 0, with f(x) = exp(-x^2 / 2).
 */
export function zigguratEdges(layers: number, r: number, v: number): Float64Array {
  const x = new Float64Array(layers + 1);
  let f = Math.exp(-0.5 * r * r);
  x[0] = v / f;
  x[1] = r;
  for (let i = 2; i < layers; i++) {
    x[i] = Math.sqrt(-2 * Math.log(v / x[i - 1] + f));
    f = Math.exp(-0.5 * x[i] * x[i]);
  }
  return x;
}

/** Layer right edges: X[0] is the base strip's pseudo-width V / f(R), X[128] = 0. */
const X = zigguratEdges(LAYERS, R, V);
/** Ratio X[i + 1] / X[i]: a uniform below it lies inside the layer's rectangle. */
const RATIO = X.subarray(0, LAYERS).map((edge, i) => X[i + 1] / edge);

const TWO_POW_MINUS_24 = 2 ** -24;
const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_23 = 2 ** -23;

/** A uniform in (0, 1), never 0 (so that its log is finite). */
const open01 = (source: Xoshiro128): number => (source.next() + 0.5) * TWO_POW_MINUS_32;

/** Samples the tail |x| > R exactly (Marsaglia 1964). */
function tail(source: Xoshiro128, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = Math.log(open01(source)) / R;
    y = Math.log(open01(source));
  } while (-2 * y < x * x);
  return negative ? x - R : R - x;
}

/** Slow path: the draw fell outside the layer's rectangle. */
function wedge(source: Xoshiro128, u: number, layer: number): number {
  for (;;) {
    if (layer === 0) return tail(source, u < 0);
    const x = u * X[layer];
    const f0 = Math.exp(-0.5 * (X[layer] * X[layer] - x * x));
    const f1 = Math.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
    if (f1 + open01(source) * (f0 - f1) < 1) return x;
    const w = source.next();
    layer = w & 0x7f;
    u = (w >>> 7) * TWO_POW_MINUS_24 - 1;
    if (Math.abs(u) < RATIO[layer]) return u * X[layer];
  }
}

/**
 * Writes `count` standard normals into `out` from `start`, drawing from `source`. The fast path
 * runs xoshiro128** on local variables (the same sequence as `source.next()`); the rare slow path
 * hands the state back to `source`.
 */
export function fillNormals(source: Xoshiro128, out: Float32Array | Float64Array, start: number, count: number): void {
  const end = start + count;
  // Local aliases: module-level bindings are context loads that V8 may not hoist out of the loop.
  const ratio = RATIO;
  const edges = X;
  const scale = TWO_POW_MINUS_24;
  let s0 = source.s0;
  let s1 = source.s1;
  let s2 = source.s2;
  let s3 = source.s3;
  for (let k = start; k < end; k++) {
    // xoshiro128**, inlined.
    const m = Math.imul(s1, 5);
    const w = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const layer = w & 0x7f;
    // 25 independent bits give a uniform in [-1, 1).
    const u = (w >>> 7) * scale - 1;
    if (Math.abs(u) < ratio[layer]) {
      out[k] = u * edges[layer];
    } else {
      source.s0 = s0;
      source.s1 = s1;
      source.s2 = s2;
      source.s3 = s3;
      out[k] = wedge(source, u, layer);
      s0 = source.s0;
      s1 = source.s1;
      s2 = source.s2;
      s3 = source.s3;
    }
  }
  source.s0 = s0;
  source.s1 = s1;
  source.s2 = s2;
  source.s3 = s3;
}

/** Writes `count` uniforms in (0, 1) into `out` from `start`. */
export function fillUniforms(source: Xoshiro128, out: Float32Array | Float64Array, start: number, count: number): void {
  const end = start + count;
  if (out instanceof Float32Array) {
    // 23 bits, centred in their cell: (k + 1/2) 2^-23 lies in [2^-24, 1 - 2^-24], exactly
    // representable in float32, so never 0 or 1 (24 bits would round the top cell up to 1).
    for (let k = start; k < end; k++) out[k] = ((source.next() >>> 9) + 0.5) * TWO_POW_MINUS_23;
  } else {
    for (let k = start; k < end; k++) out[k] = open01(source);
  }
}

/**
 * The ziggurat's tables as `fillNormals` reads them (Marsaglia and Tsang 2000, 128 layers):
 * `edges[i]` the right edge of layer i (edges[0] the base strip's pseudo-width, edges[128] = 0) and
 * `ratios[i] = edges[i + 1] / edges[i]`. Read-only: for kernels that must draw the same numbers
 * (the samplers' WebAssembly normals copy them into their memory).
 */
export const ZIGGURAT_TABLES: { readonly edges: Float64Array; readonly ratios: Float64Array } = { edges: X, ratios: RATIO };
