import { describe, expect, it } from 'vitest';
import { correlatedMixture } from './correlated-mixture.fixture.js';
import { isConfigError } from '../../errors/config-error.js';
import { gaussianMixture } from '../gaussian-mixture.js';
import { covarianceMixtureCovariance, covarianceMixtureMean } from './covariance-mixture.js';
import { linearObservation } from './linear-observation.js';
import { mixturePosterior } from './mixture-posterior.js';

const normalPdf = (z: number, mean: number, variance: number) => Math.exp(-0.5 * (z - mean) ** 2 / variance) / Math.sqrt(2 * Math.PI * variance);

const correlated = correlatedMixture;

describe('mixturePosterior(prior, observation)', () => {
  it('inpainting x1 = a gives the closed-form conditional of each component (research note, section 2)', () => {
    const a = 0.7;
    const { posterior } = mixturePosterior(correlated, linearObservation({ A: [[1, 0]], y: [a] }, 2));
    const raw = [0, 1].map((k) => {
      const [m1, m2] = [correlated.means[2 * k], correlated.means[2 * k + 1]];
      const [s11, s12, , s22] = correlated.covariances.subarray(4 * k, 4 * k + 4);
      return { weight: correlated.weights[k] * normalPdf(a, m1, s11), mean: m2 + (s12 / s11) * (a - m1), variance: s22 - (s12 * s12) / s11 };
    });
    const total = raw[0].weight + raw[1].weight;
    raw.forEach(({ weight, mean, variance }, k) => {
      expect(posterior.weights[k]).toBeCloseTo(weight / total, 12);
      expect(posterior.means[2 * k]).toBeCloseTo(a, 12);
      expect(posterior.means[2 * k + 1]).toBeCloseTo(mean, 12);
      // Sigma' = diag(0, v_k): the observed coordinate is pinned.
      expect(Array.from(posterior.covariances.subarray(4 * k, 4 * k + 3)).map((v) => Math.abs(v) < 1e-12)).toEqual([true, true, true]);
      expect(posterior.covariances[4 * k + 3]).toBeCloseTo(variance, 12);
    });
  });

  it('a noisy observation y = A x + N(0, sigma^2) matches brute-force integration on a 2-D grid (moments and evidence)', () => {
    const prior = gaussianMixture({ weights: [0.4, 0.6], means: [[-2, 0], [1.5, 1]], std: [[0.7, 1.2], [1, 0.5]] });
    const observation = linearObservation({ A: [[1, 0.5]], y: [0.4], sigma: 0.3 }, 2);
    const { posterior, logEvidence } = mixturePosterior(prior, observation);
    // p(x | y) on a grid: prior density times likelihood, by the midpoint rule.
    const h = 0.01;
    let mass = 0;
    const m = [0, 0];
    const s = [0, 0, 0];
    for (let u = -9; u < 9; u += h) {
      for (let v = -9; v < 9; v += h) {
        const x = [u + h / 2, v + h / 2];
        let p = 0;
        for (let k = 0; k < 2; k++) p += prior.weights[k] * normalPdf(x[0], prior.means[2 * k], prior.stds[2 * k] ** 2) * normalPdf(x[1], prior.means[2 * k + 1], prior.stds[2 * k + 1] ** 2);
        const w = p * normalPdf(0.4, x[0] + 0.5 * x[1], 0.09) * h * h;
        mass += w;
        m[0] += w * x[0];
        m[1] += w * x[1];
        s[0] += w * x[0] * x[0];
        s[1] += w * x[0] * x[1];
        s[2] += w * x[1] * x[1];
      }
    }
    const mean = [m[0] / mass, m[1] / mass];
    const cov = [s[0] / mass - mean[0] ** 2, s[1] / mass - mean[0] * mean[1], s[2] / mass - mean[1] ** 2];
    expect(logEvidence).toBeCloseTo(Math.log(mass), 6);
    const exactMean = covarianceMixtureMean(posterior);
    const exactCov = covarianceMixtureCovariance(posterior);
    expect(exactMean[0]).toBeCloseTo(mean[0], 5);
    expect(exactMean[1]).toBeCloseTo(mean[1], 5);
    expect(exactCov[0]).toBeCloseTo(cov[0], 5);
    expect(exactCov[1]).toBeCloseTo(cov[1], 5);
    expect(exactCov[2]).toBeCloseTo(cov[1], 5);
    expect(exactCov[3]).toBeCloseTo(cov[2], 5);
  });

  it('keeps finite weights for an observation far in the tails of every component', () => {
    const { posterior, logEvidence } = mixturePosterior(correlated, linearObservation({ A: [[1, 0]], y: [60] }, 2));
    expect(Array.from(posterior.weights).every(Number.isFinite)).toBe(true);
    expect(posterior.weights[0] + posterior.weights[1]).toBeCloseTo(1, 12);
    expect(logEvidence).toBeLessThan(-300);
  });

  it('rejects an observation that does not fit or does not determine a posterior with a ConfigError naming A, y or sigma', () => {
    const bad = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(isConfigError(error)).toBe(true);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(bad(() => linearObservation({ A: [[1, 0]], y: [1, 2] }, 2))).toMatch(/y: expected 1 values, one per row of A, got 2/);
    expect(bad(() => linearObservation({ A: [[1, 0]], y: [1], sigma: -1 }, 2))).toMatch(/sigma: expected a finite number >= 0, got -1/);
    expect(bad(() => linearObservation({ A: [[1, 0, 0]], y: [1] }, 2))).toMatch(/A: expected 2 columns/);
    expect(bad(() => mixturePosterior(correlated, linearObservation({ A: [[1, 0], [2, 0]], y: [1, 2] }, 2)))).toMatch(/A: .*positive definite/);
  });
});
