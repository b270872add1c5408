import { describe, expect, it } from 'vitest';
import { brownian } from './brownian.js';

describe('brownian', () => {
  it('brownian() is dx = dW on [0, 1]: no drift, g = 1, prior std 1', () => {
    const sde = brownian();
    expect(sde.name).toBe('brownian');
    expect(sde.T).toBe(1);
    expect(sde.diffusion(0.3)).toBe(1);
    expect(sde.priorStd).toBe(1);
    const out = new Float32Array([9, 9]);
    sde.drift(new Float32Array([1, -2]), 0.5, out);
    expect(Array.from(out)).toEqual([0, 0]);
  });

  it('brownian({ g, T }).marginal(t) is N(x0, g^2 t): m = 1, s = g sqrt(t)', () => {
    const sde = brownian({ g: 2, T: 9 });
    expect(sde.marginal(4)).toEqual({ mean: 1, std: 4 });
    expect(sde.marginal(2.25).std).toBeCloseTo(3, 12);
    expect(sde.priorStd).toBe(6);
  });

  it('brownian rejects non-positive g and T, naming the argument', () => {
    expect(() => brownian({ g: 0 })).toThrow(/brownian: 'g' must be a finite number > 0, got 0/);
    expect(() => brownian({ T: -1 })).toThrow(/brownian: 'T' must be/);
    expect(() => brownian({ T: Number.POSITIVE_INFINITY })).toThrow(/brownian: 'T' must be/);
  });
});
