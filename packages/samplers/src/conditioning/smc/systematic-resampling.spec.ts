import { describe, expect, it } from 'vitest';
import { normaliseWeights } from './effective-sample-size.js';
import { systematicResampling } from './systematic-resampling.js';

describe('systematicResampling(weights, u, ancestors)', () => {
  it('gives each particle floor or ceil of N W_i copies, in order', () => {
    const weights = Float64Array.from([0.12, 0.43, 0.07, 0.38]);
    for (const u of [0, 0.3, 0.99]) {
      const ancestors = systematicResampling(weights, u, new Uint32Array(10));
      const counts = [0, 1, 2, 3].map((i) => ancestors.filter((a) => a === i).length);
      counts.forEach((count, i) => expect(Math.abs(count - 10 * weights[i])).toBeLessThan(1));
      expect(Array.from(ancestors)).toEqual([...ancestors].sort((a, b) => a - b));
    }
  });

  it('keeps every particle once when the weights are equal', () => {
    expect(Array.from(systematicResampling(new Float64Array(5).fill(0.2), 0.5, new Uint32Array(5)))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('normaliseWeights(logWeights, out)', () => {
  it('returns the effective sample size 1 / sum W^2, N for equal weights and 1 for one heavy particle, however large the logs', () => {
    const out = new Float64Array(4);
    expect(normaliseWeights(Float64Array.from([1e4, 1e4, 1e4, 1e4]), out)).toBeCloseTo(4, 12);
    expect(Array.from(out)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(normaliseWeights(Float64Array.from([0, -1e4, -1e4, -Infinity]), out)).toBeCloseTo(1, 12);
    expect(() => normaliseWeights(Float64Array.from([-Infinity]), new Float64Array(1))).toThrow(/every weight is 0/);
  });
});
