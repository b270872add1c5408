import { describe, expect, it } from 'vitest';
import type { FeatureNetwork } from '../frechet/feature-network.js';
import { classAccuracy } from './class-accuracy.js';

// A 2 x 2 "image" classifier whose class is the brightest pixel: a hidden layer x + 1 (ReLU keeps
// it, pixels are in [-1, 1]) and identity logits.
const identity = (n: number) => Float32Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
const brightest: FeatureNetwork = {
  name: 'brightest-pixel',
  height: 2,
  width: 2,
  testAccuracy: 1,
  layers: [
    { inputs: 4, outputs: 4, weights: identity(4), bias: new Float32Array(4).fill(1) },
    { inputs: 4, outputs: 4, weights: identity(4), bias: new Float32Array(4) },
  ],
};
const image = (hot: number) => [0, 1, 2, 3].map((i) => (i === hot ? 0.9 : -0.5));

describe('classAccuracy(network, x, dim, labels)', () => {
  const x = Float32Array.from([image(0), image(1), image(2), image(3), image(1)].flat());
  it('counts the rows classified as their own label', () => {
    expect(classAccuracy(brightest, x, 4, Int32Array.from([0, 1, 2, 3, 1]))).toBe(1);
    expect(classAccuracy(brightest, x, 4, Int32Array.from([0, 1, 2, 0, 0]))).toBeCloseTo(3 / 5, 12);
  });
  it('takes one label for every row: the class a conditional sample was generated for', () => {
    expect(classAccuracy(brightest, x, 4, 1)).toBeCloseTo(2 / 5, 12);
    expect(classAccuracy(brightest, x, 4, 3)).toBeCloseTo(1 / 5, 12);
  });
  it('pools 4 x 4 images 2 x 2 before classifying', () => {
    const big = Float32Array.from({ length: 16 }, (_, i) => (Math.floor(i / 4) >= 2 && i % 4 >= 2 ? 0.9 : -0.5));
    expect(classAccuracy(brightest, big, 16, 3)).toBe(1);
  });
  it('refuses labels of another length and an empty sample', () => {
    expect(() => classAccuracy(brightest, x, 4, Int32Array.from([0, 1]))).toThrow('classAccuracy: labels holds 2 classes for 5 rows of x.');
    expect(() => classAccuracy(brightest, new Float32Array(0), 4, 0)).toThrow(/rows/);
  });
});
