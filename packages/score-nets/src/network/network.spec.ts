import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { testVpSde } from '../testing/test-sde.js';
import { mlpScoreNetwork } from './mlp.js';
import { networkScore } from './network-score.js';
import { OUTPUT_KINDS, scoreOf } from './parameterisation.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('scoreOf(kind, raw, x, m, s)', () => {
  // x_t = m x0 + s eps with a known score: eps = -s score, D = (x + s^2 score) / m (Tweedie).
  const m = 0.8;
  const s = 0.6;
  const x = [0.3, -1.2, 2.0, 0.5];
  const score = [-0.7, 1.1, 0.2, -2.5];
  const rawOf = {
    score,
    eps: score.map((v) => -s * v),
    denoiser: score.map((v, i) => (x[i]! + s * s * v) / m),
  };
  for (const kind of OUTPUT_KINDS.filter((k) => k !== 'velocity')) {
    it(`scoreOf("${kind}", ...) recovers the score`, () => {
      const result = tf.tidy(() => scoreOf(kind, tf.tensor2d(rawOf[kind as keyof typeof rawOf], [2, 2]), tf.tensor2d(x, [2, 2]), m, s).arraySync().flat());
      result.forEach((v, i) => expect(v).toBeCloseTo(score[i]!, 5));
    });
  }
  it('scoreOf("velocity", ...) refuses: a velocity is not a score', () => {
    expect(() => tf.tidy(() => scoreOf('velocity', tf.zeros([1, 2]), tf.zeros([1, 2]), m, s))).toThrow(/a 'velocity' network predicts a flow's velocity, not a score/);
  });
  it('takes per-row m and s as n x 1 tensors', () => {
    const result = tf.tidy(() =>
      scoreOf('eps', tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.zeros([2, 2]), tf.ones([2, 1]), tf.tensor2d([1, 2], [2, 1])).arraySync().flat(),
    );
    expect(result).toEqual([-1, -2, -1.5, -2]);
  });
});

describe('mlpScoreNetwork(options)', () => {
  it('maps x (n x dim) and t (n) to n x dim, with 2 (depth + 1) weight tensors', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 32, depth: 3 });
    const y = tf.tidy(() => net.apply(tf.randomNormal([5, 2]), tf.fill([5], 0.5) as tf.Tensor1D));
    expect(y.shape).toEqual([5, 2]);
    expect(net.variables).toHaveLength(8);
    tf.dispose(y);
    net.dispose();
  });
  it('is deterministic given the seed, for every embedding, activation and the residual option', () => {
    for (const options of [
      { embedding: 'fourier', activation: 'silu', residual: false },
      { embedding: 'sinusoidal', activation: 'relu', residual: true },
      { embedding: 'fourier', activation: 'tanh', residual: true },
    ] as const) {
      const run = () => {
        const net = mlpScoreNetwork({ dim: 3, width: 16, depth: 2, seed: 5, ...options });
        const y = tf.tidy(() => net.apply(tf.tensor2d([0.1, 0.2, 0.3, -1, 0, 1], [2, 3]), tf.tensor1d([0.1, 0.9])).arraySync());
        net.dispose();
        return y;
      };
      expect(run()).toEqual(run());
    }
  });
  it('depends on t through the time embedding', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 16 });
    const [a, b] = tf.tidy(() => {
      const x = tf.tensor2d([0.5, 0.5], [1, 2]);
      return [net.apply(x, tf.tensor1d([0.1])).arraySync(), net.apply(x, tf.tensor1d([0.9])).arraySync()];
    });
    expect(a).not.toEqual(b);
    net.dispose();
  });
  it('one number t for all rows gives what one t per row gives (the time embedding folded into the bias)', () => {
    for (const options of [{ embedding: 'fourier' }, { embedding: 'sinusoidal', classes: 3 }] as const) {
      const net = mlpScoreNetwork({ dim: 2, width: 16, depth: 2, seed: 3, ...options });
      tf.tidy(() => {
        const x = tf.randomNormal([9, 2], 0, 1, 'float32', 4) as tf.Tensor2D;
        const labels = net.classes > 0 ? tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3, 0], 'int32') : undefined;
        const perRow = net.apply(x, tf.fill([9], 0.37) as tf.Tensor1D, labels).dataSync();
        const shared = net.apply(x, 0.37, labels).dataSync();
        perRow.forEach((v, i) => expect(shared[i]).toBeCloseTo(v, 5));
      });
      net.dispose();
    }
  });
  it('throws on bad options, naming the argument', () => {
    expect(() => mlpScoreNetwork({ dim: 0 })).toThrow(/dim must be an integer >= 1/);
    expect(() => mlpScoreNetwork({ dim: 2, embeddingSize: 7 })).toThrow(/embeddingSize must be even/);
  });
});

describe('networkScore(network, sde)', () => {
  it('writes scoreOf(network output) into out, and live tensors do not grow over calls', async () => {
    const sde = testVpSde();
    const net = mlpScoreNetwork({ dim: 2, width: 16, output: 'eps' });
    const model = networkScore(net, sde);
    expect(model.dim).toBe(2);
    const x = Float32Array.from([0.1, -0.4, 1.5, 2.0, -0.3, 0.7]);
    const out = new Float32Array(6);
    await model.score(x, 0.5, out);
    const { mean, std } = sde.marginal(0.5);
    const expected = tf.tidy(() => {
      const xt = tf.tensor2d(x, [3, 2]);
      return scoreOf('eps', net.apply(xt, tf.fill([3], 0.5) as tf.Tensor1D), xt, mean, std).dataSync();
    });
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await model.score(x, 0.1 + 0.04 * i, out);
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  });
  it('rejects x whose length is not a multiple of dim', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    await expect(networkScore(net, testVpSde()).score(new Float32Array(3), 0.5, new Float32Array(3))).rejects.toThrow(RangeError);
    net.dispose();
  });
});

describe('mlpScoreNetwork memory', () => {
  it('holds 2 (depth + 1) weight tensors and the embedding frequencies, and dispose() frees them all', () => {
    const before = tf.memory().numTensors;
    const net = mlpScoreNetwork({ dim: 2, width: 8, depth: 3 });
    expect(tf.memory().numTensors - before).toBe(9);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
