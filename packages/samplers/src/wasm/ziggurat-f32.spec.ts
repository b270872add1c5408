import { describe, expect, it } from 'vitest';
import { ZIGGURAT_LAYERS, ZIGGURAT_R, zigguratF32Edges, zigguratFast, zigguratSlow } from './ziggurat-f32.js';

const density = (t: number) => Math.exp(-0.5 * t * t);
const x = zigguratF32Edges();

/** The word of layer i with low bits j (a signed 22-bit integer). */
const word = (layer: number, j: number) => ((layer << 22) | (j & 0x3fffff)) >>> 0;
/** A word whose uniform is u: (floor(w / 2^9) + 0.5) 2^-23 = u to 2^-24. */
const uniformWord = (u: number) => (Math.floor(u * 2 ** 23) << 9) >>> 0;

/** A sequence of words for `zigguratSlow`'s `next`, then words that give x = 0 at once (layer 0, j = 0). */
const words = (...list: number[]) => () => list.shift() ?? 0;

describe('the float32 ziggurat', () => {
  it("the ziggurat's R and V solve Marsaglia and Tsang's equations: V = R f(R) + int_R^inf f, the top layer closing at the mode", () => {
    const v = x[0] * density(ZIGGURAT_R);
    // the tail's integral by Simpson's rule on [R, R + 12] (the rest below 1e-40)
    const n = 20_000;
    const h = 12 / n;
    let tail = density(ZIGGURAT_R) + density(ZIGGURAT_R + 12);
    for (let i = 1; i < n; i++) tail += (i % 2 === 1 ? 4 : 2) * density(ZIGGURAT_R + i * h);
    expect(v).toBeCloseTo(ZIGGURAT_R * density(ZIGGURAT_R) + (tail * h) / 3, 15);
    expect(v / x[ZIGGURAT_LAYERS - 1] + density(x[ZIGGURAT_LAYERS - 1])).toBeCloseTo(1, 12);
    // every layer has area V: rectangles X_i (f(X_(i+1)) - f(X_i)) for i >= 1
    for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) expect(x[i] * (density(x[i + 1]) - density(x[i]))).toBeCloseTo(v, 12);
  });

  it('the fast path takes a word inside its layer\'s rectangle (x = j W_i) and refuses one outside', () => {
    for (const layer of [0, 1, 500, 1022]) {
      const edge = Math.floor((x[layer + 1] / x[layer]) * 2 ** 21);
      expect(zigguratFast(word(layer, edge - 1))).toBeCloseTo(((edge - 1) * x[layer]) / 2 ** 21, 5);
      expect(zigguratFast(word(layer, -(edge - 1)))).toBeCloseTo((-(edge - 1) * x[layer]) / 2 ** 21, 5);
      expect(zigguratFast(word(layer, edge + 1))).toBeNaN();
    }
    expect(zigguratFast(word(ZIGGURAT_LAYERS - 1, 0))).toBeNaN(); // the top layer is all wedge
  });

  it('the wedge accepts x exactly when F_i + u (F_(i+1) - F_i) < exp(-x^2 / 2) (against float64, away from float32 ties)', () => {
    let accepted = 0;
    let rejected = 0;
    for (const layer of [1, 2, 37, 300, 800, 1000, 1023]) {
      const low = Math.ceil((x[layer + 1] / x[layer]) * 2 ** 21);
      for (let k = 0; k < 200; k++) {
        const j = low + Math.floor(((k * 7919) % 200) * ((2 ** 21 - low) / 200));
        const u = ((k * 104729) % 997) / 997 + 0.0005;
        const value = (j * x[layer]) / 2 ** 21;
        const margin = density(value) - (density(x[layer]) + u * (density(x[layer + 1]) - density(x[layer])));
        if (Math.abs(margin) < 1e-5) continue;
        const result = zigguratSlow(word(layer, j), words(uniformWord(u)));
        if (margin > 0) {
          accepted++;
          expect(result).toBeCloseTo(value, 5);
        } else {
          rejected++;
          expect(result).toBe(0); // a fresh word: layer 0, j = 0
        }
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('the tail beyond R has the normal law\'s conditional distribution, P(|Z| > t | |Z| > R) = Q(t) / Q(R) (KS, 20,000 draws), and the word\'s sign', () => {
    let state = 12345;
    const next = () => {
      // a 32-bit LCG is enough to feed the tail's uniforms here
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state;
    };
    const n = 20_000;
    const tails = Float64Array.from({ length: n }, (_, i) => zigguratSlow(word(0, i % 2 === 0 ? 2 ** 21 - 1 : -(2 ** 21)), next));
    tails.forEach((t, i) => expect(Math.sign(t)).toBe(i % 2 === 0 ? 1 : -1));
    const sorted = tails.map(Math.abs).sort();
    expect(sorted[0]).toBeGreaterThanOrEqual(Math.fround(ZIGGURAT_R));
    // Q(t) / Q(R) by Simpson's rule on [t, t + 12]
    const q = (t: number) => {
      const steps = 400;
      const h = 12 / steps;
      let sum = density(t) + density(t + 12);
      for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * density(t + i * h);
      return (sum * h) / 3;
    };
    const qR = q(ZIGGURAT_R);
    let ks = 0;
    for (let i = 0; i < n; i += 7) ks = Math.max(ks, Math.abs(1 - q(sorted[i]) / qR - i / n), Math.abs(1 - q(sorted[i]) / qR - (i + 1) / n));
    expect(ks).toBeLessThan(1.63 / Math.sqrt(n));
  });
});
