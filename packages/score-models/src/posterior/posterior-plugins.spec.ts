import { createRegistry, createRunContext, gaussianMixture, linearObservation, mixturePosterior } from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { vpLike } from '../testing/affine-sde.js';
import { posteriorScorePlugin, posteriorTargetPlugin } from './posterior-plugins.js';
import { covarianceMixtureScore } from './posterior-score.js';

const normalPdf = (z: number, mean: number, variance: number) => Math.exp(-0.5 * (z - mean) ** 2 / variance) / Math.sqrt(2 * Math.PI * variance);

const prior = gaussianMixture({ weights: [0.4, 0.6], means: [[-2, 0], [1.5, 1]], std: [[0.7, 1.2], [1, 0.5]] });

/**
 * log p_t(x | y) up to a constant, by brute force: p_t(x | y) is proportional to
 * the integral of N(x; m x_0, s^2 I) p(x_0) p(y | x_0) over x_0, by the midpoint rule on a grid.
 */
function bruteLogPosterior(x: readonly number[], t: number, likelihood: (x0: number, x1: number) => number): number {
  const { mean: m, std: s } = vpLike.marginal(t);
  const h = 0.02;
  let sum = 0;
  for (let u = -8 + h / 2; u < 8; u += h) {
    for (let v = -8 + h / 2; v < 8; v += h) {
      let p = 0;
      for (let k = 0; k < 2; k++) p += prior.weights[k] * normalPdf(u, prior.means[2 * k], prior.stds[2 * k] ** 2) * normalPdf(v, prior.means[2 * k + 1], prior.stds[2 * k + 1] ** 2);
      sum += p * likelihood(u, v) * normalPdf(x[0], m * u, s * s) * normalPdf(x[1], m * v, s * s);
    }
  }
  return Math.log(sum);
}

describe('covarianceMixtureScore(mixturePosterior(prior, y), sde)', () => {
  it('is grad log p_t(x | y) of the diffused posterior, checked against brute-force integration over x_0', () => {
    const observation = linearObservation({ A: [[1, 0.5]], y: [0.4], sigma: 0.3 }, 2);
    const score = covarianceMixtureScore(mixturePosterior(prior, observation).posterior, vpLike);
    const likelihood = (u: number, v: number) => normalPdf(0.4, u + 0.5 * v, 0.09);
    for (const [t, x] of [[0.3, [0.2, -0.4]], [1, [-1, 1]]] as const) {
      const out = new Float32Array(2);
      score.score(Float32Array.from(x), t, out);
      const d = 1e-3;
      for (let j = 0; j < 2; j++) {
        const plus = [...x];
        const minus = [...x];
        plus[j] += d;
        minus[j] -= d;
        const numeric = (bruteLogPosterior(plus, t, likelihood) - bruteLogPosterior(minus, t, likelihood)) / (2 * d);
        expect(out[j]).toBeCloseTo(numeric, 3);
      }
    }
  });
});

describe('the posterior plugins', () => {
  const registry = createRegistry([posteriorScorePlugin, posteriorTargetPlugin]);
  const run = createRunContext({ dim: 2 });
  const observation = { A: [[1, 0]], y: [1] };

  it('`type: posterior` wraps a mixture (preset or means) with `observation: { A, y, sigma }`, sigma 0 by default', () => {
    const parsed = registry.parse('score-model', { type: 'posterior', preset: 'double-gaussian', observation }, '');
    expect(parsed.options).toEqual({ preset: 'double-gaussian', observation: { ...observation, sigma: 0 } });
    const model = registry.create('score-model', { type: 'posterior', means: [[0, 0]], observation }, { run, sde: vpLike, path: 'score' });
    // A standard normal given x1 = 1: N((1, 0), diag(0, 1)); at t its score along x2 is -x2 / (m^2 + s^2) = -x2.
    const out = new Float32Array(2);
    model.score(Float32Array.from([1, 2]), 0.5, out);
    expect(out[1]).toBeCloseTo(-2, 6);
  });

  it('rejects a bad observation with a ConfigError naming the field and what is allowed', () => {
    const error = configErrorOf(() => registry.create('score-model', { type: 'posterior', preset: 'double-gaussian', observation: { A: [[1, 0], [0]], y: [1], sigma: -1 } }, { run, sde: vpLike, path: 'pipeline.0.score' }));
    const paths = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
    expect(paths).toMatch(/pipeline\.0\.score\.observation\.A\.1: expected 2 numbers like A\.0/);
    expect(paths).toMatch(/pipeline\.0\.score\.observation\.y: expected 2 values, one per row of A, got 1/);
    expect(paths).toMatch(/pipeline\.0\.score\.observation\.sigma/);
    const wide = configErrorOf(() => registry.create('score-model', { type: 'posterior', preset: 'double-gaussian', observation: { A: [[1, 0, 0]], y: [1] } }, { run, sde: vpLike, path: 'score' }));
    expect(wide.message).toMatch(/score\.observation\.A: expected 2 columns/);
  });

  it('the target needs sigma > 0 and says so; with sigma > 0 its log density integrates to 1', () => {
    const error = configErrorOf(() => registry.create('target', { type: 'posterior', preset: 'double-gaussian', observation }, { run, path: 'pipeline.0.target' }));
    expect(error.message).toMatch(/pipeline\.0\.target\.observation\.sigma: expected sigma > 0 for an MCMC target/);
    const target = registry.create('target', { type: 'posterior', preset: 'double-gaussian', observation: { ...observation, sigma: 0.5 } }, { run, path: 'target' });
    const h = 0.05;
    const grid: number[] = [];
    for (let u = -10 + h / 2; u < 10; u += h) for (let v = -10 + h / 2; v < 10; v += h) grid.push(u, v);
    const log = target.logDensity(Float32Array.from(grid), new Float64Array(grid.length / 2));
    expect(log.reduce((sum, l) => sum + Math.exp(l) * h * h, 0)).toBeCloseTo(1, 4);
  });
});
