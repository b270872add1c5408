import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { exactGaussianScore, testVpSde } from '../testing/test-sde.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { dsmLoss } from './dsm-loss.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const mu = [1.5, -0.5];
const sigma = 0.4;
const sde = testVpSde();

/** DSM loss at a fixed time t over n fresh (x0, z). */
function lossAt(network: ReturnType<typeof exactGaussianScore>, t: number, n: number, seed: number): number {
  return tf.tidy(() => {
    const x0 = tf.add(tf.mul(tf.randomNormal([n, 2], 0, 1, 'float32', seed), sigma), tf.tensor2d(mu, [1, 2])) as tf.Tensor2D;
    const z = tf.randomNormal([n, 2], 0, 1, 'float32', seed + 1) as tf.Tensor2D;
    return dsmLoss(network, sde, x0, new Float32Array(n).fill(t), z).dataSync()[0]!;
  });
}

describe('dsmLoss(network, sde, x0, t, z)', () => {
  // Data N(mu, sigma^2 I): x_t - m mu = m sigma u + s z, the true score is -(x_t - m mu) / v with
  // v = m^2 sigma^2 + s^2, so s score + z = (m^2 sigma^2 / v) z - (s m sigma / v) u and the
  // minimum (the irreducible DSM constant) is dim * m^2 sigma^2 / v.
  for (const t of [0.05, 0.3, 1]) {
    it(`at t = ${t} the loss of the exact score equals its closed-form minimum dim m^2 sigma^2 / v`, () => {
      const { mean: m, std: s } = sde.marginal(t);
      const minimum = (2 * m * m * sigma * sigma) / (m * m * sigma * sigma + s * s);
      // 100k rows: the Monte Carlo relative standard error is about 0.3%.
      expect(lossAt(exactGaussianScore(mu, sigma), t, 100_000, 11) / minimum).toBeCloseTo(1, 1.7);
    });
  }
  it('a perturbed score has a larger loss (same draws)', () => {
    const exact = lossAt(exactGaussianScore(mu, sigma), 0.3, 20_000, 3);
    for (const perturb of [-0.3, 0.1, 0.3]) expect(lossAt(exactGaussianScore(mu, sigma, perturb), 0.3, 20_000, 3)).toBeGreaterThan(exact);
  });
  it('for an eps network it is the noise-prediction MSE summed over dimensions', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8, output: 'eps' });
    const t = Float32Array.from([0.2, 0.7, 0.9]);
    const [loss, mse] = tf.tidy(() => {
      const x0 = tf.randomNormal([3, 2], 0, 1, 'float32', 1) as tf.Tensor2D;
      const z = tf.randomNormal([3, 2], 0, 1, 'float32', 2) as tf.Tensor2D;
      const m = tf.tensor2d(Array.from(t, (ti) => sde.marginal(ti).mean), [3, 1]);
      const s = tf.tensor2d(Array.from(t, (ti) => sde.marginal(ti).std), [3, 1]);
      const eps = net.apply(tf.add(tf.mul(m, x0), tf.mul(s, z)) as tf.Tensor2D, tf.tensor1d(t));
      return [dsmLoss(net, sde, x0, t, z).dataSync()[0]!, tf.mean(tf.sum(tf.square(tf.sub(eps, z)), 1)).dataSync()[0]!];
    });
    expect(loss).toBeCloseTo(mse, 5);
    net.dispose();
  });
  it('throws when x0, t and z disagree on the number of rows', () => {
    const net = exactGaussianScore(mu, sigma);
    tf.tidy(() => {
      expect(() => dsmLoss(net, sde, tf.zeros([3, 2]), new Float32Array(2), tf.zeros([3, 2]))).toThrow(/same number of rows/);
    });
  });
});
