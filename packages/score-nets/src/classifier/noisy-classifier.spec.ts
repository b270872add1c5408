import { lastValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { testLabelledSource } from '../testing/test-gaussian-source.js';
import { testVpSde } from '../testing/test-sde.js';
import { train } from '../training/train.js';
import { classifierProbabilities, classifierScore } from './classifier-score.js';
import { createClassifierTrainer } from './classifier-trainer.js';
import { noisyClassifier } from './noisy-classifier.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();
const means = [[-2, 0], [2, 0]];
const sigma = 0.5;

/** The exact noisy classifier of 1/2 N(mu_0, sigma^2 I) + 1/2 N(mu_1, sigma^2 I) under `testVpSde`: p_t(1 | x), a logistic. */
function exactPosterior(x0: number, x1: number, t: number): number {
  const { mean, std } = sde.marginal(t);
  const v = mean * mean * sigma * sigma + std * std;
  const squared = (mu: number[]) => ((x0 - mean * mu[0]) ** 2 + (x1 - mean * mu[1]) ** 2) / (2 * v);
  return 1 / (1 + Math.exp(squared(means[1]) - squared(means[0])));
}

/** A grid of points across both modes and between them. */
const grid = Float32Array.from({ length: 2 * 41 }, (_, i) => (i % 2 === 0 ? -4 + 0.2 * (i / 2) : 0.3 * Math.sin(i)));

describe('a noisy classifier trained by cross-entropy over random t', () => {
  let classifier: ReturnType<typeof noisyClassifier>;
  beforeAll(async () => {
    classifier = noisyClassifier({ dim: 2, classes: 2, width: 32, depth: 2, seed: 1 });
    const trainer = createClassifierTrainer(classifier, sde, { learningRate: 3e-3, seed: 2 });
    await lastValueFrom(train(classifier, sde, testLabelledSource(means, sigma), { steps: 300, batchSize: 256, poolSize: 4096, trainer, seed: 2 }));
    trainer.dispose();
  }, 120_000);

  it('classifies clean points of the two-class mixture (accuracy > 0.97)', async () => {
    const x = new Float32Array(2000);
    for (let i = 0; i < 1000; i++) {
      const label = i % 2;
      x[2 * i] = means[label][0] + sigma * Math.sin(7.3 * i) * 1.5;
      x[2 * i + 1] = sigma * Math.cos(3.1 * i);
    }
    const probabilities = await classifierProbabilities(classifier, x, 1e-3);
    let right = 0;
    for (let i = 0; i < 1000; i++) if ((probabilities[2 * i + 1] > 0.5 ? 1 : 0) === i % 2) right++;
    expect(right / 1000).toBeGreaterThan(0.97);
  });

  it('approaches the exact noisy classifier p_t(y | x) at every t (mean error < 0.06)', async () => {
    for (const t of [0.05, 0.5, 1]) {
      const probabilities = await classifierProbabilities(classifier, grid, t);
      let error = 0;
      for (let i = 0; i < grid.length / 2; i++) error += Math.abs(probabilities[2 * i + 1] - exactPosterior(grid[2 * i], grid[2 * i + 1], t));
      expect(error / (grid.length / 2), `t = ${t}`).toBeLessThan(0.06);
    }
  });

  it('classifierScore is grad_x log p_phi(y | x, t): central differences of the log probabilities', async () => {
    const x = Float32Array.from([0.3, -0.4, -1.1, 0.8]);
    const gradient = new Float32Array(4);
    await classifierScore(classifier, 1).score(x, 0.3, gradient);
    const h = 1e-2;
    for (let i = 0; i < 4; i++) {
      const [up, down] = [Float32Array.from(x), Float32Array.from(x)];
      up[i] += h;
      down[i] -= h;
      const row = Math.floor(i / 2);
      const log = async (at: Float32Array) => Math.log((await classifierProbabilities(classifier, at, 0.3))[2 * row + 1]);
      expect(gradient[i]).toBeCloseTo(((await log(up)) - (await log(down))) / (2 * h), 2);
    }
  });
});

describe('createClassifierTrainer(network, sde, options)', () => {
  it('needs a classifier network, the rows\' labels, and labels in range', async () => {
    const score = mlpScoreNetwork({ dim: 2, width: 8 });
    expect(() => createClassifierTrainer(score, sde)).toThrow(/not a noisy classifier/);
    const classifier = noisyClassifier({ dim: 2, classes: 3, width: 8 });
    const trainer = createClassifierTrainer(classifier, sde);
    expect(trainer.needsLabels).toBe(true);
    await expect(trainer.step(new Float32Array(4))).rejects.toThrow(/needs one label per row/);
    await expect(trainer.step(new Float32Array(4), Int32Array.from([0, 3]))).rejects.toThrow(/labels must be in \[0, 3\), got 3/);
    trainer.dispose();
    classifier.dispose();
    score.dispose();
  });

  it('noisyClassifier needs two classes or more; classifierScore a label among them', () => {
    expect(() => noisyClassifier({ dim: 2, classes: 1 })).toThrow(/classes must be an integer >= 2, got 1/);
    const classifier = noisyClassifier({ dim: 2, classes: 2, width: 8 });
    expect(() => classifierScore(classifier, 2)).toThrow(/label must be an integer in \[0, 2\) for a classifier of 2 classes, got 2/);
    classifier.dispose();
  });
});
