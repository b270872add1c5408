import { erfc } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

// [p, scipy.stats.norm.ppf(p)] from SciPy 1.17.
const SCIPY: readonly (readonly [number, number])[] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965322],
  [1e-10, -6.361340902404056],
  [1e-5, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.02, -2.053748910631823],
  [0.02425, -1.972961051311885],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.7, 0.5244005127080407],
  [0.9, 1.2815515655446004],
  [0.975, 1.959963984540054],
  [0.99, 2.3263478740408408],
];

// Near p = 1 the answer is only as precise as 1 - p is in double precision (1e-16 / (1 - p)).
const NEAR_ONE = [0.999999, 4.753424308817087] as const;

describe('normalQuantile(p)', () => {
  it('agrees with SciPy norm.ppf to 1e-13 relative, tails included (Acklam + one Halley step)', () => {
    for (const [p, expected] of SCIPY) expect(Math.abs(normalQuantile(p) / expected - 1), `p = ${p}`).toBeLessThan(1e-13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Math.abs(normalQuantile(NEAR_ONE[0]) / NEAR_ONE[1] - 1)).toBeLessThan(1e-10);
  });

  it('inverts Phi(x) = erfc(-x / sqrt 2) / 2', () => {
    for (const p of [0.01, 0.2, 0.4999, 0.6, 0.95]) expect(0.5 * erfc(-normalQuantile(p) / Math.SQRT2)).toBeCloseTo(p, 15);
  });

  it('is -Infinity at 0, Infinity at 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
