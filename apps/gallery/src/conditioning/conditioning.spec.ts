import { gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { lineConditional } from './line-conditional.js';
import { nearestShare } from './nearest-share.js';

/** The inpainting configs' mixture: (-2, -2) and (2, 2), std 0.8. */
const twoModes = gaussianMixture({ means: [[-2, -2], [2, 2]], std: 0.8 });

describe('lineConditional(mixture, a)', () => {
  it("gives the upper mode 0.827 at x1 = 0.25 (docs/conditioning.md's exact inpainting: about 0.82)", () => {
    const { weights, mean } = lineConditional(twoModes, 0.25);
    // pi_upper = 1 / (1 + exp(-2 * 2 * 0.25 / 0.64)) = 1 / (1 + exp(-1.5625)).
    expect(weights[1]).toBeCloseTo(1 / (1 + Math.exp(-1.5625)), 12);
    expect(weights[1]).toBeCloseTo(0.8267, 4);
    expect(mean).toBeCloseTo(2 * weights[1] - 2 * weights[0], 12);
  });

  it('has a density that integrates to 1 with the mean and variance it states (trapezoid rule)', () => {
    const law = lineConditional(twoModes, -0.7);
    let mass = 0;
    let first = 0;
    let second = 0;
    const h = 1e-3;
    for (let x = -10; x <= 10; x += h) {
      const p = law.density(x) * h;
      mass += p;
      first += x * p;
      second += x * x * p;
    }
    expect(mass).toBeCloseTo(1, 6);
    expect(first).toBeCloseTo(law.mean, 6);
    expect(second - first * first).toBeCloseTo(law.variance, 5);
  });

  it('stays finite far from every component, and takes only 2-D mixtures', () => {
    expect(lineConditional(twoModes, 500).weights[1]).toBe(1);
    expect(() => lineConditional(gaussianMixture({ means: [[0, 0, 0]], std: 1 }), 0)).toThrow(/must be 2-D, got dim 3/);
  });
});

describe('nearestShare(x, means, classes, label)', () => {
  it('counts the points nearest a mean of the class', () => {
    const means = [-2, 0, 2, 0, 0, 3];
    expect(nearestShare([-1.9, 0, 1.5, 0.2, 0.1, 2.5, 1, 0], means, [0, 1, 1], 1)).toBe(0.75);
    expect(() => nearestShare([0, 0], means, [0, 1], 1)).toThrow(/one class per component \(3\), got 2/);
  });
});
