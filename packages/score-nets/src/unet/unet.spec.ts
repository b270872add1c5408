import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { networkScore } from '../network/network-score.js';
import { testBarImages } from '../testing/test-images.js';
import { testVpSde } from '../testing/test-sde.js';
import { train } from '../training/train.js';
import { type UnetOptions, resolveUnetOptions } from './unet-options.js';
import { unetScoreNetwork } from './unet.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const tiny: UnetOptions = { type: 'unet', height: 8, width: 8, baseChannels: 8, channelMultipliers: [1, 2], groups: 4, seed: 3 };

describe('unetScoreNetwork: shapes', () => {
  it('maps [n, h w c] and one t per row (or one t for all) to [n, h w c], with or without attention', () => {
    for (const attention of [false, true]) {
      const net = unetScoreNetwork({ ...tiny, attention });
      expect(net.dim).toBe(64);
      const x = tf.randomNormal([3, 64], 0, 1, 'float32', 1) as tf.Tensor2D;
      const perRow = net.apply(x, tf.tensor1d([0.1, 0.1, 0.1]));
      const shared = net.apply(x, 0.1);
      expect(perRow.shape).toEqual([3, 64]);
      expect(Array.from(shared.dataSync())).toEqual(Array.from(perRow.dataSync()));
      tf.dispose([x, perRow, shared]);
      net.dispose();
    }
  });
  it('leaves no tensor behind: dispose frees every tensor the network made, with or without attention', () => {
    for (const attention of [false, true]) {
      const before = tf.memory().numTensors;
      const net = unetScoreNetwork({ ...tiny, attention });
      const x = tf.zeros([2, 64]) as tf.Tensor2D;
      tf.dispose([x, net.apply(x, 0.5)]);
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
  it('reads images of several channels, and three levels', () => {
    const net = unetScoreNetwork({ type: 'unet', height: 8, width: 4, channels: 3, baseChannels: 4, channelMultipliers: [1, 2, 2], groups: 2 });
    const out = net.apply(tf.zeros([2, 96]), 0.5);
    expect(out.shape).toEqual([2, 96]);
    expect(Array.from(out.dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose(out);
    net.dispose();
  });
  it('rebuilds the same weights from its resolved options (keyed initialisation)', () => {
    const a = unetScoreNetwork(tiny);
    const b = unetScoreNetwork(a.options);
    expect(b.variables.length).toBe(a.variables.length);
    a.variables.forEach((v, i) => expect(Array.from(b.variables[i]!.dataSync())).toEqual(Array.from(v.dataSync())));
    const c = unetScoreNetwork({ ...tiny, seed: 4 });
    expect(Array.from(c.variables[0]!.dataSync())).not.toEqual(Array.from(a.variables[0]!.dataSync()));
    [a, b, c].forEach((net) => net.dispose());
  });
  it('a conditional network: labels change the output, no labels mean the null label', () => {
    const net = unetScoreNetwork({ ...tiny, classes: 2 });
    const x = tf.randomNormal([2, 64], 0, 1, 'float32', 2) as tf.Tensor2D;
    const nullLabel = net.apply(x, 0.3, tf.tensor1d([2, 2], 'int32'));
    const none = net.apply(x, 0.3);
    const zero = net.apply(x, 0.3, tf.tensor1d([0, 0], 'int32'));
    expect(Array.from(none.dataSync())).toEqual(Array.from(nullLabel.dataSync()));
    expect(Array.from(zero.dataSync())).not.toEqual(Array.from(none.dataSync()));
    expect(() => unetScoreNetwork(tiny).apply(x, 0.3, tf.tensor1d([0, 0], 'int32'))).toThrow(/labels were given to a network without classes/);
    net.dispose();
  });
  it('names the field and the allowed values of bad options', () => {
    expect(() => resolveUnetOptions({ ...tiny, height: 7 })).toThrow(/height and width must be divisible by 2\^\(levels - 1\) = 2 for 2 levels, got 7 x 8/);
    expect(() => resolveUnetOptions({ ...tiny, groups: 3 })).toThrow(/groups must divide every level's channels/);
    expect(() => resolveUnetOptions({ ...tiny, dim: 65 })).toThrow(/dim must equal height \* width \* channels = 8 \* 8 \* 1 = 64, got 65/);
    expect(() => resolveUnetOptions({ ...tiny, channelMultipliers: [] })).toThrow(/channelMultipliers must be a non-empty list/);
    expect(() => resolveUnetOptions({ ...tiny, embeddingSize: 5 })).toThrow(/embeddingSize must be even, got 5/);
  });
});

describe('unetScoreNetwork: time embedding', () => {
  it('is sinusoidal (Vaswani et al. 2017; Ho et al. 2020): [sin(1000 t f_k), cos(1000 t f_k)], f_k = 10000^(-k / (half - 1))', () => {
    const net = unetScoreNetwork({ ...tiny, embeddingSize: 8 });
    const times = [0, 0.001, 0.25, 1];
    const features = net.time.embed(tf.tensor1d(times)).arraySync();
    times.forEach((t, row) => {
      for (let k = 0; k < 4; k++) {
        const angle = Math.fround(t * Math.fround(1000 * Math.pow(10_000, -k / 3)));
        expect(features[row]![k]).toBeCloseTo(Math.sin(angle), 4);
        expect(features[row]![k + 4]).toBeCloseTo(Math.cos(angle), 4);
      }
    });
    net.dispose();
  });
});

describe('unetScoreNetwork: training', () => {
  it('30 DSM steps on 8 x 8 bar images lower the loss (eps prediction, Adam with warm-up and clipping)', async () => {
    const net = unetScoreNetwork(tiny);
    const records = await lastValueFrom(
      train(net, testVpSde(), testBarImages(8), { steps: 30, batchSize: 16, poolSize: 256, learningRate: 3e-3, warmup: 5, clipNorm: 1, seed: 1 }).pipe(toArray()),
    );
    const mean = (rows: typeof records) => rows.reduce((s, r) => s + r.loss, 0) / rows.length;
    const first = mean(records.slice(0, 6));
    const last = mean(records.slice(-6));
    // The DSM loss of eps prediction starts near dim (a zero-ish output: E|z|^2 = 64) and must fall well below it.
    expect(first).toBeGreaterThan(40);
    expect(last).toBeLessThan(0.6 * first);
    net.dispose();
  });
  it('is a score model through networkScore (score = -eps / s)', async () => {
    const net = unetScoreNetwork(tiny);
    const sde = testVpSde();
    const x = Float32Array.from({ length: 128 }, (_, i) => Math.cos(i));
    const out = new Float32Array(128);
    await networkScore(net, sde, {}).score(x, 0.5, out);
    const { std } = sde.marginal(0.5);
    const eps = tf.tidy(() => net.apply(tf.tensor2d(x, [2, 64]), 0.5).dataSync());
    out.forEach((v, i) => expect(v).toBeCloseTo(-eps[i]! / std, 4));
    net.dispose();
  });
});
