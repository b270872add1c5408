import { describe, expect, it } from 'vitest';
import { firstNonFinite } from './first-non-finite.js';

describe('firstNonFinite', () => {
  it('firstNonFinite(x) is -1 when every value is finite, odd lengths included', () => {
    expect(firstNonFinite(new Float32Array([1, -2, 3e38]))).toBe(-1);
    expect(firstNonFinite(new Float32Array())).toBe(-1);
  });
  it('firstNonFinite(x) finds the first NaN or infinity, in the last odd slot too', () => {
    expect(firstNonFinite(new Float32Array([0, 1, Number.NaN, Number.POSITIVE_INFINITY]))).toBe(2);
    expect(firstNonFinite(new Float32Array([0, 1, Number.NEGATIVE_INFINITY]))).toBe(2);
  });
});
