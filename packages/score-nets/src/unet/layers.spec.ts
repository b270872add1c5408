import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { applyConv3x3, conv3x3, spaceToDepth2, upsample2 } from './conv.js';
import { applyGroupNorm, groupNorm } from './group-norm.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

/** A deterministic [n, h, w, c] tensor of varied values. */
const field = (shape: [number, number, number, number]) => {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor4d(Float32Array.from({ length: size }, (_, i) => Math.sin(1.7 * i) * (1 + (i % 5))), shape);
};

describe('conv3x3 (im2col)', () => {
  it("equals tf.conv2d with 'same' padding and the weight reshaped to [3, 3, c_in, c_out]", () => {
    const conv = conv3x3(3, 5, createRng(1), 'test/conv');
    const x = field([2, 6, 4, 3]);
    conv.layer.b.assign(tf.tensor1d([0.5, -1, 0, 2, 1]));
    const ours = applyConv3x3(conv, x);
    const reference = tf.add(tf.conv2d(x, tf.reshape(conv.layer.w, [3, 3, 3, 5]) as tf.Tensor4D, 1, 'same'), conv.layer.b);
    expect(ours.shape).toEqual([2, 6, 4, 5]);
    const diff = tf.max(tf.abs(tf.sub(ours, reference))).dataSync()[0]!;
    expect(diff).toBeLessThan(1e-4);
  });
  it('has a weight gradient on wasm (tf.conv2d has no Conv2DBackpropFilter kernel there)', () => {
    const conv = conv3x3(2, 2, createRng(2), 'test/grad');
    const x = field([1, 4, 4, 2]);
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(applyConv3x3(conv, x))) as tf.Scalar, [conv.layer.w]);
    const g = grads[conv.layer.w.name]!;
    expect(g.shape).toEqual([18, 2]);
    expect(tf.sum(tf.abs(g)).dataSync()[0]).toBeGreaterThan(0);
  });
});

describe('spaceToDepth2 and upsample2', () => {
  it('space-to-depth puts each 2 x 2 block into the channels, (row, column, channel)', () => {
    // x[0, y, x, c] = 100 y + 10 x + c
    const values = [];
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) for (let c = 0; c < 2; c++) values.push(100 * y + 10 * x + c);
    const out = spaceToDepth2(tf.tensor4d(values, [1, 4, 4, 2]));
    expect(out.shape).toEqual([1, 2, 2, 8]);
    const pixel = Array.from(tf.slice(out, [0, 1, 0, 0], [1, 1, 1, 8]).dataSync());
    expect(pixel).toEqual([200, 201, 210, 211, 300, 301, 310, 311]);
  });
  it('upsample2 repeats every pixel in a 2 x 2 block', () => {
    const out = upsample2(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]));
    expect(Array.from(out.dataSync())).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });
});

describe('group normalisation', () => {
  it('gives each (image, group) mean 0 and variance var / (var + 1e-5) before gamma and beta', () => {
    const norm = groupNorm(6, 3);
    const x = tf.add(tf.mul(field([2, 3, 3, 6]), 2), 5) as tf.Tensor4D;
    const y = applyGroupNorm(norm, x);
    const grouped = tf.reshape(y, [2, 9, 3, 2]);
    const { mean, variance } = tf.moments(grouped, [1, 3]);
    const input = tf.moments(tf.reshape(x, [2, 9, 3, 2]), [1, 3]).variance.dataSync();
    Array.from(mean.dataSync()).forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-5));
    Array.from(variance.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(input[i]! / (input[i]! + 1e-5), 5));
  });
  it('applies gamma and beta per channel, and does not depend on the other images of the batch', () => {
    const norm = groupNorm(4, 2);
    norm.gamma.assign(tf.tensor1d([1, 2, 3, 4]));
    norm.beta.assign(tf.tensor1d([0, -1, 1, 0.5]));
    const x = field([3, 2, 2, 4]);
    const all = applyGroupNorm(norm, x);
    const alone = applyGroupNorm(norm, tf.slice(x, [1, 0, 0, 0], [1, 2, 2, 4]));
    expect(Array.from(alone.dataSync())).toEqual(Array.from(tf.slice(all, [1, 0, 0, 0], [1, 2, 2, 4]).dataSync()));
  });
  it('refuses groups that do not divide the channels', () => {
    expect(() => groupNorm(6, 4)).toThrow(/groups must divide channels, got 4 groups for 6 channels/);
  });
});
