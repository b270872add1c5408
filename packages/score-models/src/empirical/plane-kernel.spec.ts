import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { accumulateGeneric } from './generic-kernel.js';
import { accumulatePlane } from './plane-kernel.js';
import { createSoftmaxState, resetSoftmax, writeScores } from './streaming-softmax.js';

describe('accumulatePlane', () => {
  it('is accumulateGeneric for dim = 2, bitwise, for an odd number of particles and points sorted far apart', () => {
    const rng = createRng(5);
    // Points sorted along the first axis and spread out: at small s most chunks are negligible for a
    // particle, so pairs take every branch (both folded, one folded, none).
    const raw = rng.normal(new Float64Array(2 * 300), { first: 0, count: 300 }, 2, { step: 0 }).map((v) => v * 10);
    const order = Array.from({ length: 300 }, (_, j) => j).sort((a, b) => raw[2 * a] - raw[2 * b]);
    const centres = Float64Array.from(order.flatMap((j) => [raw[2 * j], raw[2 * j + 1]]));
    const x = rng.normal(new Float32Array(2 * 501), { first: 0, count: 501 }, 2, { step: 1 }).map((v) => v * 10);
    x.set([1e4, -1e4, Number.NaN, 0], 0);
    for (const s of [0.01, 0.3, 2]) {
      const scores = [accumulatePlane, accumulateGeneric].map((accumulate) => {
        const state = createSoftmaxState(2, 64);
        resetSoftmax(state, 501);
        for (let first = 0; first < 300; first += 64) accumulate(state, x, centres, first, Math.min(first + 64, 300), -0.5 / (s * s));
        return writeScores(state, x, 1 / (s * s), new Float32Array(x.length)) as Float32Array;
      });
      // The same operations in the same order (JS does not reassociate floating point), but for the terms
      // below exp(-80) of the largest that the generic loop skips: they fall below the last bit of the sums.
      expect(Array.from(scores[0])).toEqual(Array.from(scores[1]));
    }
  });
});
