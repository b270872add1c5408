import { describe, expect, it } from 'vitest';
import { correlatedMixture } from './correlated-mixture.fixture.js';
import { gaussianMixture } from '../gaussian-mixture.js';
import type { CovarianceMixture } from './covariance-mixture.js';
import { covarianceMixtureOf } from './covariance-mixture.js';
import { diffuseCovarianceComponents, writeCovarianceLogDensity, writeCovarianceScore } from './covariance-kernels.js';
import { mixtureMarginalCdf } from './mixture-cdf.js';

const correlated = correlatedMixture;

describe('diffuseCovarianceComponents and its kernels', () => {
  it('the score is the gradient of the log density (central differences), diffused or not', () => {
    const x = Float64Array.from([0.3, -0.2, -3, 2, 5, 5, 1.9, -1.1]);
    for (const [m, s] of [[1, 0], [0.6, 0.8], [0.1, 1]]) {
      const c = diffuseCovarianceComponents(correlated, m, s);
      const score = writeCovarianceScore(c, x, new Float32Array(x.length));
      const h = 1e-5;
      for (let i = 0; i < x.length; i++) {
        const plus = Float64Array.from(x);
        const minus = Float64Array.from(x);
        plus[i] += h;
        minus[i] -= h;
        const up = writeCovarianceLogDensity(c, plus, new Float64Array(4));
        const down = writeCovarianceLogDensity(c, minus, new Float64Array(4));
        const p = Math.floor(i / 2);
        expect(score[i]).toBeCloseTo((up[p] - down[p]) / (2 * h), 4);
      }
    }
  });

  it('the log density of a diagonal mixture is the product of 1-D normal densities, mixed', () => {
    const mixture = gaussianMixture({ weights: [0.25, 0.75], means: [[-1, 2], [3, 0]], std: [[0.5, 2], [1, 0.3]] });
    const c = diffuseCovarianceComponents(covarianceMixtureOf(mixture), 0.8, 0.5);
    const x = Float64Array.from([0.1, 0.2]);
    let p = 0;
    for (let k = 0; k < 2; k++) {
      let q = mixture.weights[k];
      for (let j = 0; j < 2; j++) {
        const v = 0.64 * mixture.stds[2 * k + j] ** 2 + 0.25;
        q *= Math.exp(-0.5 * (x[j] - 0.8 * mixture.means[2 * k + j]) ** 2 / v) / Math.sqrt(2 * Math.PI * v);
      }
      p += q;
    }
    expect(writeCovarianceLogDensity(c, x, new Float64Array(1))[0]).toBeCloseTo(Math.log(p), 12);
  });

  it('a singular covariance has no density at std = 0 (RangeError), and one for std > 0', () => {
    const pinned: CovarianceMixture = { ...correlated, components: 1, weights: Float64Array.from([1]), means: Float64Array.from([1, 0]), covariances: Float64Array.from([0, 0, 0, 1]) };
    expect(() => diffuseCovarianceComponents(pinned, 1, 0)).toThrow(RangeError);
    expect(() => diffuseCovarianceComponents(pinned, 1, 0.01)).not.toThrow();
  });
});

describe('mixtureMarginalCdf(mixture, j, z)', () => {
  it('mixes normal CDFs, and is a step for a pinned coordinate', () => {
    // erf(-3.5) = -0.999999257: component 1 sits 3.5 sqrt(2) standard deviations to the right.
    expect(mixtureMarginalCdf(correlated, 0, -1.5)).toBeCloseTo(0.3 * 0.5 + 0.7 * 0.5 * (1 - 0.999999257), 6);
    const pinned: CovarianceMixture = { ...correlated, covariances: Float64Array.from([0, 0, 0, 1, 0, 0, 0, 1]) };
    expect(mixtureMarginalCdf(pinned, 0, -1.6)).toBe(0);
    expect(mixtureMarginalCdf(pinned, 0, 0)).toBeCloseTo(0.3, 12);
  });
});
