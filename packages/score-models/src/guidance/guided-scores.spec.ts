import { type ScoreModel, gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { mixtureScore } from '../mixture/mixture-score.js';
import { veLike, vpLike } from '../testing/affine-sde.js';
import { classMixture, classPartition } from './class-partition.js';
import { mixtureClassifierScore } from './classifier-score.js';
import { classifierFreeGuided, classifierGuided } from './guidance-formulas.js';
import { classifierFreeGuidance, classifierGuidance } from './guided-scores.js';
import { mixtureClassifier } from './mixture-classifier.js';

const mixture = gaussianMixture({ weights: [0.5, 0.3, 0.2], means: [[-2, 0], [2, 1], [0, -2]], std: [[0.5, 1], [0.8, 0.4], [1, 1]] });
const classes = [0, 1, 0];
const x = new Float32Array([0.3, -0.2, -1.5, 0.7, 2.2, 0.1, 40, -30]);
const scoreOf = (model: ScoreModel, t: number) => {
  const out = new Float32Array(x.length);
  void model.score(x, t, out);
  return out;
};

describe('classifierGuided and classifierFreeGuided (float64)', () => {
  for (const sde of [vpLike, veLike]) {
    it(`with exact parts, CFG(gamma) equals classifier guidance(w = gamma) point for point (${sde.name})`, () => {
      const classifier = mixtureClassifier(mixture, sde, { classes });
      const x64 = Float64Array.from(x);
      for (const t of [0.02, 0.3, 1]) {
        const s = classifier.score(x64, t, new Float64Array(x.length));
        const sy = classifier.classScore(x64, t, 0, new Float64Array(x.length));
        const gradient = classifier.gradLogProbability(x64, t, 0, new Float64Array(x.length));
        for (const scale of [0, 0.5, 1, 3, 7.5]) {
          const guided = classifierGuided(s, gradient, scale, new Float64Array(x.length));
          const free = classifierFreeGuided(s, sy, scale, new Float64Array(x.length));
          for (let i = 0; i < x.length; i++) expect(Math.abs(guided[i] - free[i])).toBeLessThan(1e-12 * (1 + Math.abs(free[i])));
        }
      }
    });
  }
});

describe('classifierGuidance(score, classifier, w) and classifierFreeGuidance(unconditional, conditional, gamma)', () => {
  const classifier = mixtureClassifier(mixture, vpLike, { classes });
  const conditional = mixtureScore(classMixture(mixture, classPartition(mixture, classes), 1), vpLike);
  const unconditional = mixtureScore(mixture, vpLike);

  it('w = 0 and gamma = 0 give the unconditional score; gamma = 1 the conditional one, bit for bit', () => {
    expect(scoreOf(classifierGuidance(unconditional, mixtureClassifierScore(classifier, 1), 0), 0.3)).toEqual(scoreOf(unconditional, 0.3));
    expect(scoreOf(classifierFreeGuidance(unconditional, conditional, 0), 0.3)).toEqual(scoreOf(unconditional, 0.3));
    expect(scoreOf(classifierFreeGuidance(unconditional, conditional, 1), 0.3)).toEqual(scoreOf(conditional, 0.3));
  });

  it('w = 1 with the exact classifier is the exact conditional score within float32 rounding', () => {
    const guided = scoreOf(classifierGuidance(unconditional, mixtureClassifierScore(classifier, 1), 1), 0.3);
    const exact = scoreOf(conditional, 0.3);
    for (let i = 0; i < x.length; i++) expect(Math.abs(guided[i] - exact[i])).toBeLessThan(4e-6 * (1 + Math.abs(exact[i])));
  });

  it('the equal-covariance pair: s_u + gamma (s_c - s_u) is the diffused score of N(gamma mu_c + (1 - gamma) mu_u, Sigma)', () => {
    const std = [0.6, 1.3];
    const [muC, muU] = [[1, 0.5], [-1, 2]];
    const part = (mean: number[]) => mixtureScore(gaussianMixture({ means: [mean], std: [std] }), veLike);
    for (const gamma of [0, 2, 4]) {
      const guided = scoreOf(classifierFreeGuidance(part(muU), part(muC), gamma), 0.4);
      const target = scoreOf(part(muC.map((c, j) => gamma * c + (1 - gamma) * muU[j])), 0.4);
      for (let i = 0; i < x.length; i++) expect(Math.abs(guided[i] - target[i])).toBeLessThan(1e-5 * (1 + Math.abs(target[i])));
    }
  });

  it('awaits a score model that returns a promise (a network), each call with its own scratch', async () => {
    const later: ScoreModel = { name: 'later', dim: 2, score: async (input, t, out) => void (await Promise.resolve(), unconditional.score(input, t, out)) };
    const guided = classifierFreeGuidance(later, conditional, 3);
    const [a, b] = [new Float32Array(x.length), new Float32Array(x.length)];
    await Promise.all([guided.score(x, 0.3, a), guided.score(x, 0.6, b)]);
    expect(a).toEqual(scoreOf(classifierFreeGuidance(unconditional, conditional, 3), 0.3));
    expect(b).toEqual(scoreOf(classifierFreeGuidance(unconditional, conditional, 3), 0.6));
  });

  it('starts the second model only after the first has finished (two networks must not load at once)', async () => {
    const events: string[] = [];
    const slow = (label: string): ScoreModel => ({
      name: label,
      dim: 2,
      score: async (_x, _t, out) => {
        events.push(`${label} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        out.fill(1);
        events.push(`${label} end`);
      },
    });
    await classifierGuidance(slow('score'), slow('classifier'), 2).score(x, 0.3, new Float32Array(x.length));
    expect(events).toEqual(['score start', 'score end', 'classifier start', 'classifier end']);
  });

  it('rejects parts of different dimensions and a non-finite scale, naming them', () => {
    const other = mixtureScore(gaussianMixture({ means: [[0, 0, 0]], std: 1 }), vpLike);
    expect(() => classifierGuidance(unconditional, other, 1)).toThrow(/classifierGuidance: score 'gaussian-mixture' has dimension 2, classifier 'gaussian-mixture' has dimension 3/);
    expect(() => classifierFreeGuidance(unconditional, conditional, Number.NaN)).toThrow(/scale must be finite, got NaN/);
  });
});
