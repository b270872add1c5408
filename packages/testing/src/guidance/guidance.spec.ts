import {
  type GaussianMixture,
  MIXTURE_PRESETS,
  type PluginConfig,
  createRunContext,
  diffuseMixture,
  gaussianMixture,
} from '@scoreflow/core';
import { classMixture, classPartition, classifierGuided, mixtureClassifier } from '@scoreflow/score-models';
import { describe, expect, it } from 'vitest';
import { SDE_SETUPS, type SamplerCase, type SdeSetup } from '../sampler-contract/sampler-case.js';
import { registry, runCase } from '../sampler-contract/run-case.js';
import { mixtureMoments, projectedKs, sampleMoments } from './conditional-law.js';

// Tests against exact answers of issue 15, item 4 (research note §1): classifier guidance with the
// exact classifier of a Gaussian mixture, and classifier-free guidance, under every SDE plugin.

const eight = MIXTURE_PRESETS['eight-gaussians']();
const halves = [0, 0, 0, 0, 1, 1, 1, 1];
const run = createRunContext({ dim: 2 });
const sdeOf = (setup: SdeSetup) => registry.create('sde', SDE_SETUPS[setup].sde, { run, path: 'sde' });

/** s_y written out from the definition (research note §0): sum over class y of r^y_k (m mu_k - x) / v_k, float64. */
function conditionalScore(mixture: GaussianMixture, label: number, mean: number, std: number, x: Float64Array): Float64Array {
  const members = halves.flatMap((y, k) => (y === label ? [k] : []));
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / 2; i++) {
    const terms = members.map((k) => {
      const v = [0, 1].map((j) => mean * mean * mixture.stds[2 * k + j] ** 2 + std * std);
      const d = [0, 1].map((j) => mean * mixture.means[2 * k + j] - x[2 * i + j]);
      const log = Math.log(mixture.weights[k]) - 0.5 * (Math.log(v[0] * v[1]) + d[0] ** 2 / v[0] + d[1] ** 2 / v[1]);
      return { log, g: [d[0] / v[0], d[1] / v[1]] };
    });
    const max = Math.max(...terms.map((term) => term.log));
    const total = terms.reduce((sum, term) => sum + Math.exp(term.log - max), 0);
    for (const term of terms) for (let j = 0; j < 2; j++) out[2 * i + j] += (Math.exp(term.log - max) / total) * term.g[j];
  }
  return out;
}

describe('classifier guidance with the exact classifier', () => {
  const x = Float64Array.from({ length: 64 }, (_, i) => 4 * Math.sin(1.7 * i + 0.3));
  for (const setup of Object.keys(SDE_SETUPS) as SdeSetup[]) {
    it(`at w = 1 is the exact conditional score to 1e-12 (${setup})`, () => {
      const sde = sdeOf(setup);
      const classifier = mixtureClassifier(eight, sde, { classes: halves });
      for (const fraction of [1e-3, 0.01, 0.1, 0.5, 1]) {
        const t = fraction * sde.T;
        const { mean, std } = sde.marginal(t);
        for (const label of [0, 1]) {
          const s = classifier.score(x, t, new Float64Array(x.length));
          const gradient = classifier.gradLogProbability(x, t, label, new Float64Array(x.length));
          const guided = classifierGuided(s, gradient, 1, new Float64Array(x.length));
          const exact = conditionalScore(eight, label, mean, std, x);
          for (let i = 0; i < x.length; i++) expect(Math.abs(guided[i] - exact[i]), `t = ${t}, row ${i}`).toBeLessThan(1e-12 * (1 + Math.abs(exact[i])));
        }
      }
    });
  }
});

/** Samples of `score` from the prior of `setup` by `sampler`, 2-D. */
const sample = (score: PluginConfig, setup: SdeSetup, sampler: SamplerCase, particles: number, seed = 3) => runCase(sampler, setup, particles, seed, score);
// Reverse diffusion (score_sde's predictor): first order, its std about 0.006 off at 500 steps, below
// the standard errors at 10,000 particles (about 0.014 for these means).
const reverseDiffusion: SamplerCase = { type: 'reverse-diffusion', sdes: ['vp'], steps: 500, bias: 0 };

/** Expects the sample's mean and covariance within 3 standard errors of `law`'s, and its KS statistics on three projections below 1.63 / sqrt(n) (1%). */
function expectLaw(x: Float32Array, law: GaussianMixture) {
  const sampled = sampleMoments(x);
  const exact = mixtureMoments(law);
  sampled.mean.forEach(({ value, standardError }, j) => expect(Math.abs(value - exact.mean[j]), `mean ${j}`).toBeLessThan(3 * standardError));
  sampled.covariance.forEach(({ value, standardError }, j) => expect(Math.abs(value - exact.covariance[j]), `covariance ${j}`).toBeLessThan(3 * standardError));
  for (const angle of [0, 1, 2]) expect(projectedKs(x, law, angle), `KS at angle ${angle}`).toBeLessThan(1.63 / Math.sqrt(x.length / 2));
}

describe('samples of the guided exact score (w = 1) follow the exact conditional', () => {
  const particles = 10_000;
  const conditional = classMixture(eight, classPartition(eight, halves), 0);
  it('eight Gaussians, class 0 of two (four modes), by the reverse SDE under VP', async () => {
    const { x, tEnd, sde } = await sample({ type: 'classifier-guidance', preset: 'eight-gaussians', classes: halves, label: 0, scale: 1 }, 'vp', reverseDiffusion, particles);
    const { mean, std } = sde.marginal(tEnd);
    expectLaw(x, diffuseMixture(conditional, mean, std));
  });
});

describe('classifier-free guidance of an equal-covariance pair at any scale', () => {
  // s_u + w (s_c - s_u) for N(mu_c, Sigma) and N(mu_u, Sigma) is the diffused score of N(w mu_c + (1 - w) mu_u, Sigma) (research note §1).
  const std = [0.6, 1.3];
  const [muC, muU] = [[1, 0], [-1, 0.5]];
  const part = (mean: number[]) => ({ type: 'gaussian-mixture', means: [mean], std: [std] });
  for (const w of [0, 2, 4]) {
    it(`samples at scale ${w} follow N(w mu_c + (1 - w) mu_u, Sigma) (VP, reverse diffusion)`, async () => {
      const config = { type: 'classifier-free-guidance', scale: w, conditional: part(muC), unconditional: part(muU) };
      const { x, tEnd, sde } = await sample(config, 'vp', reverseDiffusion, 10_000);
      const { mean, std: s } = sde.marginal(tEnd);
      expectLaw(x, diffuseMixture(gaussianMixture({ means: [muC.map((c, j) => w * c + (1 - w) * muU[j])], std: [std] }), mean, s));
    });
  }
});

describe('guidance above w = 1 on a mixture', () => {
  it('moves mass towards class y: the mean of p_0(y | x) over the samples grows with w', async () => {
    const classifier = mixtureClassifier(eight, sdeOf('vp'), { classes: halves });
    const heun: SamplerCase = { type: 'heun', sdes: ['vp'], steps: 50, bias: 0 };
    const shares: number[] = [];
    for (const scale of [1, 2, 4]) {
      const { x } = await sample({ type: 'classifier-guidance', preset: 'eight-gaussians', classes: halves, label: 1, scale }, 'vp', heun, 4000);
      const probabilities = classifier.probabilities(x, 0, new Float64Array(x.length));
      let sum = 0;
      for (let i = 1; i < probabilities.length; i += 2) sum += probabilities[i];
      shares.push(sum / (probabilities.length / 2));
    }
    expect(shares[1]).toBeGreaterThan(shares[0]);
    expect(shares[2]).toBeGreaterThan(shares[1]);
  });
});
