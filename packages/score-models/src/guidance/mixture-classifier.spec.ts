import { type GaussianMixture, diffuseMixture, gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { veLike, vpLike } from '../testing/affine-sde.js';
import { classMixture, classPartition } from './class-partition.js';
import { mixtureClassifier } from './mixture-classifier.js';

/** Three components in 3-D, diagonal covariances; classes [0, 1, 0]. */
const mixture = gaussianMixture({
  weights: [0.5, 0.3, 0.2],
  means: [[-2, 0, 1], [2, 1, 0], [0, -2, -1]],
  std: [[0.5, 1, 0.7], [0.8, 0.4, 1.2], [1, 1, 0.3]],
});
const classes = [0, 1, 0];

/** log N(x; mu, diag(v)) written out, float64. */
function logNormal(x: ArrayLike<number>, mu: ArrayLike<number>, variance: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += -0.5 * (Math.log(2 * Math.PI * variance[j]) + (x[j] - mu[j]) ** 2 / variance[j]);
  return sum;
}

/** p_t(y | x) from the diffused mixture's densities, term by term (the definition, Bayes' rule). */
function posterior(m: GaussianMixture, x: number[], mean: number, std: number, label: number): number {
  const diffused = diffuseMixture(m, mean, std);
  const { dim } = m;
  const joint = [...diffused.weights].map((w, k) =>
    w * Math.exp(logNormal(x, diffused.means.subarray(k * dim, (k + 1) * dim), diffused.stds.subarray(k * dim, (k + 1) * dim).map((s) => s * s))),
  );
  const total = joint.reduce((a, b) => a + b, 0);
  return joint.reduce((sum, p, k) => sum + (classes[k] === label ? p : 0), 0) / total;
}

const points = [[0.3, -0.2, 0.5], [-1.5, 0.7, 1.1], [2.2, 0.1, -0.4]];
const x = new Float64Array(points.flat());

describe('mixtureClassifier(mixture, sde, { classes })', () => {
  for (const sde of [vpLike, veLike]) {
    for (const t of [0.05, 0.4, 1]) {
      it(`p_t(y | x) is Bayes' rule on the diffused mixture (${sde.name}, t = ${t})`, () => {
        const { mean, std } = sde.marginal(t);
        const classifier = mixtureClassifier(mixture, sde, { classes });
        const probabilities = classifier.probabilities(x, t, new Float64Array(6));
        points.forEach((point, i) => {
          for (const y of [0, 1]) expect(probabilities[2 * i + y]).toBeCloseTo(posterior(mixture, point, mean, std, y), 12);
          expect(probabilities[2 * i] + probabilities[2 * i + 1]).toBeCloseTo(1, 14);
        });
      });
    }
  }

  it('grad log p_t(y | x) matches central differences of log p_t(y | x)', () => {
    const classifier = mixtureClassifier(mixture, vpLike, { classes });
    const gradient = classifier.gradLogProbability(x, 0.3, 1, new Float64Array(x.length));
    const h = 1e-5;
    for (let i = 0; i < x.length; i++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += h;
      down[i] -= h;
      const row = Math.floor(i / 3);
      const difference = (classifier.logProbability(up, 0.3, 1, new Float64Array(3))[row] - classifier.logProbability(down, 0.3, 1, new Float64Array(3))[row]) / (2 * h);
      expect(gradient[i]).toBeCloseTo(difference, 7);
    }
  });

  it('grad log p_t(y | x) = s_y - s, and s_y is the score of class y\'s own mixture', () => {
    const classifier = mixtureClassifier(mixture, veLike, { classes });
    const own = mixtureClassifier(classMixture(mixture, classPartition(mixture, classes), 0), veLike);
    const s = classifier.score(x, 0.2, new Float64Array(9));
    const sy = classifier.classScore(x, 0.2, 0, new Float64Array(9));
    const gradient = classifier.gradLogProbability(x, 0.2, 0, new Float64Array(9));
    const ownScore = own.score(x, 0.2, new Float64Array(9));
    for (let i = 0; i < 9; i++) {
      expect(gradient[i]).toBeCloseTo(sy[i] - s[i], 12);
      expect(sy[i]).toBeCloseTo(ownScore[i], 12);
    }
  });

  it('stays finite far from every mode, where one class takes all the probability', () => {
    const classifier = mixtureClassifier(mixture, vpLike, { classes });
    const far = new Float64Array([1e4, -1e4, 3e3]);
    const gradient = classifier.gradLogProbability(far, 0.01, 0, new Float64Array(3));
    const probabilities = classifier.probabilities(far, 0.01, new Float64Array(2));
    expect([...gradient].every(Number.isFinite)).toBe(true);
    expect(probabilities[0] + probabilities[1]).toBeCloseTo(1, 12);
  });

  it('every component is its own class by default (the label of the gaussian-mixture data source)', () => {
    expect(mixtureClassifier(mixture, vpLike).classes).toBe(3);
  });

  it('rejects classes that skip a label, of the wrong length, and a label out of range', () => {
    expect(() => mixtureClassifier(mixture, vpLike, { classes: [0, 2, 0] })).toThrow(/no component has class 1/);
    expect(() => mixtureClassifier(mixture, vpLike, { classes: [0, 1] })).toThrow(/one class per component \(3\), got 2/);
    expect(() => mixtureClassifier(mixture, vpLike, { classes }).gradLogProbability(x, 0.1, 2, new Float64Array(9))).toThrow(/label must be an integer in 0 \.\. 1, got 2/);
  });
});
