import { describe, expect, it } from 'vitest';
import { planeDensity } from './plane-density.js';

/** The standard bivariate Gaussian, point by point. */
const gaussian = planeDensity('gaussian', { s: 1 }, {
  logDensity: (x1, x2) => -Math.log(2 * Math.PI) - 0.5 * (x1 * x1 + x2 * x2),
  gradLogDensity(x1, x2, out, at) {
    out[at] = -x1;
    out[at + 1] = -x2;
  },
});

describe('planeDensity(name, parameters, point)', () => {
  it('is a frozen 2-D density named `name` with frozen parameters', () => {
    expect(gaussian).toMatchObject({ name: 'gaussian', dim: 2, parameters: { s: 1 } });
    expect(Object.isFrozen(gaussian)).toBe(true);
    expect(Object.isFrozen(gaussian.parameters)).toBe(true);
  });

  it('walks the row-major points: log p and grad log p of each, written into out', () => {
    const x = new Float32Array([0, 0, 1, -2, 0.5, 3]);
    const log = gaussian.logDensity(x, new Float64Array(3));
    expect([...log]).toEqual([-Math.log(2 * Math.PI), -Math.log(2 * Math.PI) - 2.5, -Math.log(2 * Math.PI) - 0.5 * (0.25 + 9)]);
    const grad = new Float32Array(6);
    expect(gaussian.gradLogDensity(x, grad)).toBe(grad);
    expect([...grad]).toEqual([-0, -0, -1, 2, -0.5, -3]);
  });

  it('rejects x of an odd length and an out of the wrong length, naming the method', () => {
    expect(() => gaussian.logDensity(new Float32Array(3), new Float64Array(1))).toThrow('gaussian.logDensity: x holds 3 values, not a multiple of the dimension 2.');
    expect(() => gaussian.gradLogDensity(new Float32Array(4), new Float32Array(2))).toThrow('gaussian.gradLogDensity: out holds 2 values, expected 4 (2 points x 2).');
  });
});
