import { zigguratEdges } from '@scoreflow/core';
import { expF32, lnF32 } from './float32-math.js';

const f = Math.fround;

/** Layers of the float32 engine's ziggurat: the top 10 bits of a word pick one. */
export const ZIGGURAT_LAYERS = 1024;

/**
 * The base layer's right edge R and every layer's area V for 1,024 layers: the root of Marsaglia
 * and Tsang's (2000) equations, V = R f(R) + int_R^inf f, and the top layer closing at the mode
 * (V / X_1023 + f(X_1023) = 1), solved by bisection on R in float64 (the spec checks both
 * equations). f(x) = exp(-x^2 / 2).
 */
export const ZIGGURAT_R = 4.038849846109503;
const V = 0.0012263246463530882;
const R32 = f(ZIGGURAT_R);

/** The layers' right edges X_0 .. X_1024 in float64 (core's `zigguratEdges`: X_0 = V / f(R) the base strip's pseudo-width, X_1 = R, X_1024 = 0). */
export const zigguratF32Edges = (): Float64Array => zigguratEdges(ZIGGURAT_LAYERS, ZIGGURAT_R, V);

/**
 * The float32 engine's ziggurat tables as the kernel reads them, 8 bytes a layer each. `fast`: W_i
 * = X_i 2^-21 (float32; x = j W_i for j the word's low 22 bits, signed) and K_i = ceil(2^21 X_(i+1)
 * / X_i) (int32; |j| < K_i puts x inside the layer's rectangle, under the density). `slow`: F_i =
 * f(X_i) and F_(i+1) - F_i (float32; the wedge's test, F_1024 = 1).
 */
export const ZIGGURAT_F32_TABLES: { readonly fast: Uint8Array; readonly slow: Uint8Array } = (() => {
  const x = zigguratF32Edges();
  const fast = new ArrayBuffer(8 * ZIGGURAT_LAYERS);
  const slow = new ArrayBuffer(8 * ZIGGURAT_LAYERS);
  const width = new Float32Array(fast);
  const ratio = new Int32Array(fast);
  const wedge = new Float32Array(slow);
  const density = (i: number) => Math.exp(-0.5 * x[i] * x[i]);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    width[2 * i] = x[i] * 2 ** -21;
    ratio[2 * i + 1] = Math.ceil((x[i + 1] / x[i]) * 2 ** 21);
    wedge[2 * i] = density(i);
    wedge[2 * i + 1] = density(i + 1) - density(i);
  }
  return { fast: new Uint8Array(fast), slow: new Uint8Array(slow) };
})();

const FAST = { width: new Float32Array(ZIGGURAT_F32_TABLES.fast.buffer), ratio: new Int32Array(ZIGGURAT_F32_TABLES.fast.buffer) };
const WEDGE = new Float32Array(ZIGGURAT_F32_TABLES.slow.buffer);

/** A word's uniform in (0, 1): (floor(w / 2^9) + 0.5) 2^-23, exact in float32. */
const uniform = (word: number): number => ((word >>> 9) + 0.5) * 2 ** -23;

/**
 * The ziggurat's fast path on one 32-bit word (Marsaglia and Tsang 2000, 1,024 layers): layer i =
 * w >>> 22, j = its low 22 bits as a signed integer, x = j W_i in float32, accepted when |j| < K_i
 * (99.57% of words). Returns x, or NaN for a word outside its layer's rectangle (`zigguratSlow`'s).
 */
export function zigguratFast(word: number): number {
  const layer = word >>> 22;
  const j = (word << 10) >> 10;
  return Math.abs(j) < FAST.ratio[2 * layer + 1] ? f(j * FAST.width[2 * layer]) : Number.NaN;
}

/**
 * The ziggurat's slow path (with Doornik's 2005 exact wedges and tail) for a word whose fast path
 * failed, drawing further words from `next`: for layer i >= 1 the wedge's test F_i + u (F_(i+1) -
 * F_i) < exp(-x^2 / 2) on a fresh uniform u; for the base layer the tail beyond R (Marsaglia 1964:
 * a = -ln(u_1) / R, b = -ln(u_2) until 2 b >= a^2, then R + a with the word's sign); a failed
 * wedge starts again from a fresh word. The kernel's `$slow`, operation for operation in float32.
 * A word inside its rectangle returns the fast path's x and draws nothing.
 */
export function zigguratSlow(word: number, next: () => number): number {
  for (;;) {
    const layer = word >>> 22;
    const j = (word << 10) >> 10;
    const x = f(j * FAST.width[2 * layer]);
    if (Math.abs(j) < FAST.ratio[2 * layer + 1]) return x;
    if (layer === 0) {
      let a: number;
      let b: number;
      do {
        a = f(-lnF32(uniform(next())) / R32);
        b = -lnF32(uniform(next()));
      } while (f(b + b) < f(a * a));
      const tail = f(R32 + a);
      return j < 0 ? -tail : tail;
    }
    if (f(WEDGE[2 * layer] + f(uniform(next()) * WEDGE[2 * layer + 1])) < expF32(f(f(x * x) * -0.5))) return x;
    word = next();
  }
}
