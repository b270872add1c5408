import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { networkScore } from '../network/network-score.js';
import { type TestComponent, exactGaussianScore, exactMixtureScore, sampleTestMixture, testVpSde } from '../testing/test-sde.js';
import { uniformSource } from '../testing/uniform.js';
import { type DsmBatch, drawDsmBatch, dsmBatchRows } from './dsm-batch.js';
import { dsmLoss } from './dsm-loss.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const mu = [1.5, -0.5];
const sigma = 0.4;
const sde = testVpSde();

/** A batch at one fixed time t for rows x0 (the draws of step 0 with eps = T = t replaced). */
function batchAt(x0: Float32Array, t: number, seed: number): DsmBatch {
  const drawn = drawDsmBatch(sde, x0, 2, { seed, step: 0, eps: 1e-3, weighting: 's2' });
  const { mean, std } = sde.marginal(t);
  return { ...drawn, t: drawn.t.fill(t), mean: drawn.mean.fill(mean), std: drawn.std.fill(std) };
}

const gaussianRows = (n: number, seed: number) => sampleTestMixture([{ weight: 1, mu, sigma }], n, uniformSource(seed));
const lossOf = (network: Parameters<typeof dsmLoss>[0], batch: DsmBatch) => tf.tidy(() => dsmLoss(network, batch).dataSync()[0] as number);

describe('dsmLoss(network, batch)', () => {
  // Data N(mu, sigma^2 I): x_t - m mu = m sigma u + s z, the true score is -(x_t - m mu) / v with
  // v = m^2 sigma^2 + s^2, so s score + z = (m^2 sigma^2 / v) z - (s m sigma / v) u and the
  // minimum (the irreducible DSM constant) is dim * m^2 sigma^2 / v.
  for (const t of [0.05, 0.3, 1]) {
    it(`at t = ${t} the loss of the exact Gaussian score equals its closed-form minimum dim m^2 sigma^2 / v`, () => {
      const { mean: m, std: s } = sde.marginal(t);
      const minimum = (2 * m * m * sigma * sigma) / (m * m * sigma * sigma + s * s);
      // 100k rows: the Monte Carlo relative standard error is about 0.3%.
      expect(lossOf(exactGaussianScore(mu, sigma), batchAt(gaussianRows(100_000, 11), t, 11)) / minimum).toBeCloseTo(1, 1.7);
    });
  }

  // A mixture: E[z | x_t] = -s score(x_t) (Tweedie), so E|s score + z|^2 = dim - s^2 E|score|^2,
  // the minimum over all functions, reached only by the true score. E|score|^2 (the Fisher
  // information of p_t) is estimated on independent samples of p_t.
  const mixture: TestComponent[] = [
    { weight: 0.3, mu: [-2, 0.5], sigma: 0.3 },
    { weight: 0.7, mu: [1.5, -1], sigma: 0.6 },
  ];
  for (const t of [0.02, 0.2, 0.8]) {
    it(`at t = ${t} the loss of the exact mixture score equals dim - s^2 E|score|^2, and perturbed scores lose more`, () => {
      const n = 100_000;
      const { std: s } = sde.marginal(t);
      const exact = exactMixtureScore(mixture);
      const loss = lossOf(exact, batchAt(sampleTestMixture(mixture, n, uniformSource(5)), t, 5));
      const fresh = batchAt(sampleTestMixture(mixture, n, uniformSource(6)), t, 6);
      const fisher = tf.tidy(() => {
        const { mean: m } = sde.marginal(t);
        const xt = tf.add(tf.mul(tf.tensor2d(fresh.x0, [n, 2]), m), tf.mul(tf.tensor2d(fresh.z, [n, 2]), s)) as tf.Tensor2D;
        return tf.mean(tf.sum(tf.square(exact.apply(xt, tf.fill([n], t) as tf.Tensor1D)), 1)).dataSync()[0] as number;
      });
      const minimum = 2 - s * s * fisher;
      // Both sides are means of 100k terms of order 1 (the minimum is >= 0.2 here): 2% holds at > 5 standard errors.
      expect(Math.abs(loss - minimum) / minimum).toBeLessThan(0.02);
      const batch = batchAt(sampleTestMixture(mixture, n, uniformSource(5)), t, 5);
      for (const wrong of [exactMixtureScore(mixture.map((c) => ({ ...c, sigma: c.sigma * 1.2 }))), exactGaussianScore([0, 0], 1, 0.1)]) {
        expect(lossOf(wrong, batch)).toBeGreaterThan(loss);
      }
    });
  }

  it('a perturbed Gaussian score has a larger loss (same draws)', () => {
    const batch = batchAt(gaussianRows(20_000, 3), 0.3, 3);
    const exact = lossOf(exactGaussianScore(mu, sigma), batch);
    for (const perturb of [-0.3, 0.1, 0.3]) expect(lossOf(exactGaussianScore(mu, sigma, perturb), batch)).toBeGreaterThan(exact);
  });

  it('for an eps network under s2 weighting it is the noise-prediction MSE summed over dimensions', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8, output: 'eps' });
    const batch = drawDsmBatch(sde, Float32Array.from([0.3, -1, 2, 0.5, -0.7, 0.1]), 2, { seed: 1, step: 3, eps: 1e-3, weighting: 's2' });
    const mse = tf.tidy(() => {
      const m = tf.tensor2d(batch.mean, [3, 1]);
      const s = tf.tensor2d(batch.std, [3, 1]);
      const z = tf.tensor2d(batch.z, [3, 2]);
      const eps = net.apply(tf.add(tf.mul(m, tf.tensor2d(batch.x0, [3, 2])), tf.mul(s, z)) as tf.Tensor2D, tf.tensor1d(batch.t));
      return tf.mean(tf.sum(tf.square(tf.sub(eps, z)), 1)).dataSync()[0] as number;
    });
    expect(lossOf(net, batch)).toBeCloseTo(mse, 5);
    net.dispose();
  });

  it('likelihood weighting multiplies each row by g^2 / s^2, i.e. lambda = g^2', () => {
    const net = exactGaussianScore(mu, sigma, 0.2);
    const x0 = gaussianRows(1, 9);
    const s2 = drawDsmBatch(sde, x0, 2, { seed: 2, step: 0, eps: 1e-3, weighting: 's2' });
    const likelihood = drawDsmBatch(sde, x0, 2, { seed: 2, step: 0, eps: 1e-3, weighting: 'likelihood' });
    const t = s2.t[0] as number;
    const ratio = sde.diffusion(t) ** 2 / sde.marginal(t).std ** 2;
    expect(likelihood.weight[0]).toBeCloseTo(ratio, 4);
    expect(lossOf(net, likelihood) / lossOf(net, s2)).toBeCloseTo(ratio, 3);
  });

  it('the mean over a batch is the scaled sum of its shards (the data-parallel identity)', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    const batch = drawDsmBatch(sde, gaussianRows(10, 4), 2, { seed: 4, step: 1, eps: 1e-3, weighting: 'likelihood' });
    const shards = lossOf(net, dsmBatchRows(batch, 0, 4)) * 0.4 + lossOf(net, dsmBatchRows(batch, 4, 10)) * 0.6;
    expect(lossOf(net, batch)).toBeCloseTo(shards, 5);
    net.dispose();
  });

  it('throws when the batch does not match the network', () => {
    const batch = drawDsmBatch(sde, new Float32Array(6), 3, { seed: 0, step: 0, eps: 1e-3, weighting: 's2' });
    expect(() => dsmLoss(exactGaussianScore(mu, sigma), batch)).toThrow(/dim 3 differs from the network's dim 2/);
  });
});

describe('drawDsmBatch(sde, x0, dim, draw)', () => {
  it("draws t in [eps, T] and z ~ N(0, 1) per row, the same for a row whatever the batch's length", () => {
    const x0 = gaussianRows(20_000, 1);
    const batch = drawDsmBatch(sde, x0, 2, { seed: 3, step: 7, eps: 0.1, weighting: 's2' });
    expect(Math.min(...batch.t)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...batch.t)).toBeLessThanOrEqual(1);
    const meanT = batch.t.reduce((a, b) => a + b, 0) / batch.n;
    // U[0.1, 1]: mean 0.55, sd 0.26; standard error 0.0018.
    expect(Math.abs(meanT - 0.55)).toBeLessThan(0.01);
    const zMean = batch.z.reduce((a, b) => a + b, 0) / batch.z.length;
    const zVar = batch.z.reduce((a, b) => a + b * b, 0) / batch.z.length;
    expect(Math.abs(zMean)).toBeLessThan(0.02);
    expect(Math.abs(zVar - 1)).toBeLessThan(0.03);
    const head = drawDsmBatch(sde, x0.subarray(0, 400), 2, { seed: 3, step: 7, eps: 0.1, weighting: 's2' });
    expect(Array.from(head.z)).toEqual(Array.from(batch.z.subarray(0, 400)));
    expect(Array.from(head.t)).toEqual(Array.from(batch.t.subarray(0, 200)));
    const next = drawDsmBatch(sde, x0.subarray(0, 400), 2, { seed: 3, step: 8, eps: 0.1, weighting: 's2' });
    expect(Array.from(next.z)).not.toEqual(Array.from(head.z));
  });
  it('replaces labels by the null label with probability labelDropout', () => {
    const n = 20_000;
    const labels = new Int32Array(n).map((_, i) => i % 3);
    const batch = drawDsmBatch(sde, new Float32Array(n * 2), 2, { seed: 1, step: 0, eps: 1e-3, weighting: 's2', labels, labelDropout: 0.2, nullLabel: 3 });
    const dropped = batch.labels?.filter((l) => l === 3).length ?? 0;
    // Binomial(20k, 0.2): sd 57.
    expect(Math.abs(dropped - 0.2 * n)).toBeLessThan(300);
    batch.labels?.forEach((l, i) => expect(l === 3 || l === i % 3).toBe(true));
  });
});

describe('networkScore with labels', () => {
  it('conditions on the label given, and uses the null label without one', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8, classes: 3 });
    const x = Float32Array.from([0.2, -0.1]);
    const outs = await Promise.all([undefined, 0, 2].map(async (label) => {
      const out = new Float32Array(2);
      await networkScore(net, sde, label === undefined ? {} : { label }).score(x, 0.5, out);
      return Array.from(out);
    }));
    expect(outs[0]).not.toEqual(outs[1]);
    expect(outs[1]).not.toEqual(outs[2]);
    const nullLabelled = tf.tidy(() => Array.from(net.apply(tf.tensor2d(x, [1, 2]), tf.tensor1d([0.5]), tf.tensor1d([3], 'int32')).dataSync()));
    const unlabelled = tf.tidy(() => Array.from(net.apply(tf.tensor2d(x, [1, 2]), tf.tensor1d([0.5])).dataSync()));
    expect(nullLabelled).toEqual(unlabelled);
    expect(() => networkScore(net, sde, { label: 3 })).toThrow(/label must be an integer in \[0, 3\)/);
    net.dispose();
  });
});
