import { describe, expect, it } from 'vitest';
import { dualAveraging } from './dual-averaging.js';

describe('dualAveraging(n, initial, delta)', () => {
  it('drives each chain to the step size whose acceptance is delta, alpha(eps) = exp(-eps) giving eps* = -log(delta)', () => {
    const initial = Float64Array.of(0.01, 1, 30);
    const stepSize = initial.slice();
    const adaptation = dualAveraging(3, initial, 0.8);
    const alpha = new Float64Array(3);
    for (let m = 1; m <= 2000; m++) {
      for (let i = 0; i < 3; i++) alpha[i] = Math.exp(-stepSize[i]);
      adaptation.update(m, alpha, stepSize);
    }
    adaptation.finish(stepSize);
    // Dual averaging converges at rate O(m^-1/2): after 2000 iterations eps-bar is within 3% of
    // eps*, and its acceptance within 0.01 of delta, from initial steps 0.01 to 30.
    for (const eps of stepSize) {
      expect(Math.abs(eps / -Math.log(0.8) - 1)).toBeLessThan(0.03);
      expect(Math.abs(Math.exp(-eps) - 0.8)).toBeLessThan(0.01);
    }
  });

  it('keeps the chains apart: a chain only sees its own acceptance', () => {
    const stepSize = Float64Array.of(1, 1);
    const adaptation = dualAveraging(2, stepSize.slice(), 0.5);
    adaptation.update(1, Float64Array.of(1, 0), stepSize);
    // H-bar_1 = (delta - alpha) / (1 + t0); log eps_1 = log(10) - sqrt(1) / 0.05 * H-bar_1.
    expect(Math.log(stepSize[0])).toBeCloseTo(Math.log(10) + (0.5 / 11) * 20, 12);
    expect(Math.log(stepSize[1])).toBeCloseTo(Math.log(10) - (0.5 / 11) * 20, 12);
  });
});
