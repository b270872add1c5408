import { describe, expect, it } from 'vitest';
import type { Sde } from './sde.js';
import { sigmaOf, timeOfSigma } from './noise-level.js';

// dx = -x/2 dt + dW (VP with beta = 1): m = exp(-t/2), s^2 = 1 - exp(-t), sigma^2 = exp(t) - 1.
const vpLike = {
  T: 4,
  marginal: (t: number) => ({ mean: Math.exp(-t / 2), std: Math.sqrt(1 - Math.exp(-t)) }),
} as Sde;

describe('noise levels', () => {
  it('sigmaOf(sde, t) is s(t) / m(t)', () => {
    expect(sigmaOf(vpLike, 1)).toBeCloseTo(Math.sqrt(Math.E - 1), 12);
  });
  it('timeOfSigma(sde, sigma) inverts sigmaOf, log(1 + sigma^2) for this SDE', () => {
    for (const sigma of [0.01, 0.5, 3, 7]) expect(timeOfSigma(vpLike, sigma)).toBeCloseTo(Math.log(1 + sigma * sigma), 12);
  });
  it('timeOfSigma clamps levels outside [sigma(tMin), sigma(tMax)] to the ends', () => {
    expect(timeOfSigma(vpLike, 1e6)).toBe(4);
    expect(timeOfSigma(vpLike, 0)).toBe(0);
  });
});
