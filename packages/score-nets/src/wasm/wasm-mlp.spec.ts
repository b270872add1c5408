import { beforeAll, describe, expect, it } from 'vitest';
import type { MlpScoreDescription } from '@scoreflow/core';
import { relativeError as scaledError } from '@scoreflow/core/testing';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { type MlpOptions, mlpScoreNetwork } from '../network/mlp.js';
import { describeMlp } from '../network/describe-mlp.js';
import { createWasmMlp } from './wasm-mlp.js';
import { jitterWeights, testRows } from './testing/jitter-weights.js';
import type { MlpKernelsVariant } from './wasm-mlp-module.js';
import { enableRelaxedSimd } from '../node/relaxed-simd.js';

beforeAll(async () => {
  await selectBackend('wasm');
  enableRelaxedSimd();
});

/** Both builds of the kernels: the plain SIMD one and the fused multiply-add one. */
const VARIANTS: MlpKernelsVariant[] = ['simd', 'relaxed-simd'];

/** The TF.js network's output and the wasm kernels' on the same rows, at one time t. */
function bothOutputs(options: MlpOptions, n: number, t: number, edit?: (description: MlpScoreDescription) => MlpScoreDescription, variant?: MlpKernelsVariant) {
  const network = mlpScoreNetwork(options);
  jitterWeights(network, 11);
  const x = testRows(n, options.dim);
  const expected = tf.tidy(() => network.apply(tf.tensor2d(x, [n, options.dim]), t).dataSync() as Float32Array);
  const description = describeMlp(network);
  network.dispose();
  const mlp = createWasmMlp(edit ? edit(description) : description, variant)!;
  expect(mlp.variant).toBe(variant ?? 'relaxed-simd');
  const actual = new Float32Array(n * options.dim);
  mlp.forward(x, t, actual);
  return { actual, expected, description };
}

// Float32 roundoff of sums over 128 products in another order: measured at most 2e-6 of the output's scale.
const TOLERANCE = 1e-5;

describe('createWasmMlp(description).forward(x, t, out)', () => {
  const cases: [string, MlpOptions, number][] = [
    ['the MLP 3x128 SiLU eps network (the defaults), 1,000 rows', { dim: 2, seed: 3 }, 1000],
    ['203 rows (chunks of 64 and a ragged last one)', { dim: 2, width: 32, seed: 4 }, 203],
    ['ReLU, residual hidden layers, width 20 (not a multiple of 8), dim 3', { dim: 3, width: 20, depth: 4, activation: 'relu', residual: true, seed: 5 }, 37],
    ['sinusoidal embedding of 8, a denoiser', { dim: 2, width: 24, embedding: 'sinusoidal', embeddingSize: 8, output: 'denoiser', seed: 6 }, 50],
    ['classes: the null label (unconditional)', { dim: 2, width: 16, classes: 3, labelEmbeddingSize: 4, seed: 7 }, 9],
  ];
  for (const variant of VARIANTS) {
    for (const [what, options, n] of cases) {
      it(`matches the TF.js network's apply(x, t) to ${TOLERANCE} of the output's scale (${variant}): ${what}`, () => {
        for (const t of [0.01, 0.37, 0.99]) {
          const { actual, expected } = bothOutputs(options, n, t, undefined, variant);
          expect(scaledError(actual, expected)).toBeLessThan(TOLERANCE);
        }
      });
    }
  }

  it('matches a conditional network at a given label (the label embedding folds into the first bias)', () => {
    const options: MlpOptions = { dim: 2, width: 16, classes: 3, labelEmbeddingSize: 4, seed: 8 };
    const network = mlpScoreNetwork(options);
    jitterWeights(network, 12);
    const x = testRows(20, 2);
    const expected = tf.tidy(() => network.apply(tf.tensor2d(x, [20, 2]), 0.5, tf.fill([20], 1, 'int32') as tf.Tensor1D).dataSync());
    const actual = new Float32Array(40);
    createWasmMlp(describeMlp(network, 1))!.forward(x, 0.5, actual);
    network.dispose();
    expect(scaledError(actual, expected)).toBeLessThan(TOLERANCE);
  });

  // The same comparison must fail for weights read the wrong way: it has the power to catch a layout bug.
  const layers = (d: MlpScoreDescription) => ({ width: d.width, first: (d.dim + 2 * d.frequencies.length) * d.width + d.width });
  it('fails the comparison when two hidden layers are swapped', () => {
    const { actual, expected } = bothOutputs({ dim: 2, width: 32, seed: 9 }, 64, 0.3, (d) => {
      const { width, first } = layers(d);
      const size = width * width + width;
      const weights = d.weights.slice();
      weights.set(d.weights.subarray(first + size, first + 2 * size), first);
      weights.set(d.weights.subarray(first, first + size), first + size);
      return { ...d, weights };
    });
    expect(scaledError(actual, expected)).toBeGreaterThan(100 * TOLERANCE);
  });
  it('fails the comparison when a hidden weight matrix is transposed', () => {
    const { actual, expected } = bothOutputs({ dim: 2, width: 32, seed: 10 }, 64, 0.3, (d) => {
      const { width, first } = layers(d);
      const weights = d.weights.slice();
      for (let i = 0; i < width; i++) for (let j = 0; j < width; j++) weights[first + i * width + j] = d.weights[first + j * width + i]!;
      return { ...d, weights };
    });
    expect(scaledError(actual, expected)).toBeGreaterThan(100 * TOLERANCE);
  });

  it('refuses an activation the kernels lack, naming the ones they have', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, activation: 'tanh' });
    const description = describeMlp(network);
    network.dispose();
    expect(() => createWasmMlp(description)).toThrow("createWasmMlp: activation must be one of silu, relu, got 'tanh'.");
  });
  it('refuses x and out of other lengths than n * dim', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8 });
    const mlp = createWasmMlp(describeMlp(network))!;
    network.dispose();
    expect(() => mlp.forward(new Float32Array(3), 0.5, new Float32Array(3))).toThrow(/must both hold n \* 2 values, got 3 and 3/);
  });
});
