import { describe, expect, it } from 'vitest';
import { randomDirections } from './random-directions.js';

describe('randomDirections(count, dim, seed)', () => {
  it('gives unit vectors', () => {
    const directions = randomDirections(50, 3, 7);
    for (let k = 0; k < 50; k++) {
      const [a, b, c] = directions.subarray(3 * k, 3 * k + 3);
      expect(a * a + b * b + c * c).toBeCloseTo(1, 12);
    }
  });
  it('is reproducible from the seed and changes with it', () => {
    expect(randomDirections(4, 2, 1)).toEqual(randomDirections(4, 2, 1));
    expect(randomDirections(4, 2, 1)).not.toEqual(randomDirections(4, 2, 2));
  });
  it('is isotropic: the mean of theta_1^2 is 1/d within a few standard errors', () => {
    // theta_1^2 ~ Beta(1/2, (d-1)/2): mean 1/d, variance 2 (d-1) / (d^2 (d+2)).
    const count = 20_000;
    const dim = 4;
    const directions = randomDirections(count, dim, 0);
    let sum = 0;
    for (let k = 0; k < count; k++) sum += directions[k * dim] ** 2;
    const se = Math.sqrt((2 * (dim - 1)) / (dim * dim * (dim + 2)) / count);
    expect(Math.abs(sum / count - 1 / dim)).toBeLessThan(4 * se);
  });
});
