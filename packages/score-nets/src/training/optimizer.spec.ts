import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { clippedAdam, disposeTrainerState } from './optimizer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const shapes = [[3, 2], [2]] as const;
const variablesOf = (seed: number) => shapes.map((shape, i) => tf.variable(tf.randomNormal([...shape], 0, 1, 'float32', seed + i)));
// Seeds from 1: tf.randomNormal takes a seed of 0 for none.
const gradientsAt = (k: number) => shapes.map((shape, i) => tf.randomNormal([...shape], 0, 0.1, 'float32', 100 * k + i + 1));

describe('clippedAdam(variables, options)', () => {
  it("takes tfjs AdamOptimizer's steps (no clipping, no warm-up): the same weights after 20 steps", () => {
    const ours = variablesOf(1);
    const theirs = variablesOf(1);
    const adam = clippedAdam(ours, { learningRate: 0.01, warmup: 0, clipNorm: 1e9 });
    const reference = tf.train.adam(0.01);
    for (let k = 0; k < 20; k++) {
      const gradients = gradientsAt(k);
      adam.apply(gradients, k);
      reference.applyGradients(theirs.map((variable, i) => ({ name: variable.name, tensor: gradients[i] as tf.Tensor })));
      tf.dispose(gradients);
    }
    ours.forEach((variable, i) => {
      const expected = theirs[i]?.dataSync() ?? new Float32Array();
      // float32 rounding differs (host vs kernels): 5e-6 after 20 steps of 0.01; a wrong bias correction is off by ~1e-3.
      variable.dataSync().forEach((value, j) => expect(value).toBeCloseTo(expected[j] ?? Number.NaN, 5));
    });
    // Each Adam step moves a coordinate by up to about the learning rate: 20 steps moved the weights.
    expect(Math.abs((ours[0]?.dataSync()[0] ?? 0) - (variablesOf(1)[0]?.dataSync()[0] ?? 0))).toBeGreaterThan(0.01);
    reference.dispose();
  });

  it('clips the global gradient norm to clipNorm before the update, and warms the rate up linearly', () => {
    const variables = variablesOf(2);
    const adam = clippedAdam(variables, { learningRate: 0.1, warmup: 10, clipNorm: 0.5 });
    expect(adam.learningRateAt(0)).toBeCloseTo(0.01, 12);
    expect(adam.learningRateAt(9)).toBe(0.1);
    const before = Float32Array.from(adam.weights);
    // A gradient of norm 10 in one coordinate: clipped to 0.5, its first Adam step is still lr * sign.
    const gradients = new Float32Array(adam.weights.length);
    gradients[3] = 10;
    adam.applyFlat(gradients, 0);
    expect(adam.weights[3]).toBeCloseTo((before[3] ?? 0) - 0.01, 5);
    adam.weights.forEach((w, i) => i !== 3 && expect(w).toBe(before[i]));
    expect(variables[0]?.dataSync()[3]).toBe(adam.weights[3]);
  });

  it('state() resumes it exactly: 6 steps equal 3, a state, a new optimiser and 3 more', () => {
    const straight = clippedAdam(variablesOf(3), { warmup: 2 });
    const first = clippedAdam(variablesOf(3), { warmup: 2 });
    for (let k = 0; k < 6; k++) {
      const gradients = gradientsAt(k);
      straight.apply(gradients, k);
      if (k < 3) first.apply(gradients, k);
      tf.dispose(gradients);
    }
    const state = first.state(3);
    expect(state.optimizer).toHaveLength(1 + 2 * shapes.length);
    const resumedVariables = variablesOf(3);
    resumedVariables.forEach((variable, i) => variable.assign(tf.tensor(first.weights.slice(i === 0 ? 0 : 6, i === 0 ? 6 : 8), [...(shapes[i] ?? [])])));
    const resumed = clippedAdam(resumedVariables, { warmup: 2 }, state);
    disposeTrainerState(state);
    for (let k = 3; k < 6; k++) {
      const gradients = gradientsAt(k);
      resumed.apply(gradients, k);
      tf.dispose(gradients);
    }
    expect(Array.from(resumed.weights)).toEqual(Array.from(straight.weights));
  });

  it('AdamW (weightDecay lambda): zero gradients shrink every weight by (1 - lr lambda) per step, the decay follows the warm-up', () => {
    const variables = variablesOf(5);
    const adam = clippedAdam(variables, { learningRate: 0.1, warmup: 4, weightDecay: 0.5 });
    const start = Float64Array.from(adam.weights);
    let factor = 1;
    for (let k = 0; k < 10; k++) {
      adam.applyFlat(new Float32Array(adam.weights.length), k);
      factor *= 1 - adam.learningRateAt(k) * 0.5;
    }
    // (1 - 0.025/2)(1 - 0.05/2)(1 - 0.075/2)(1 - 0.1/2)^7 = 0.6472: a decay of lambda / 2 or 2 lambda, or none, is off by > 0.1.
    expect(factor).toBeCloseTo(0.6472, 4);
    adam.weights.forEach((w, i) => expect(w).toBeCloseTo((start[i] ?? 0) * factor, 5));
  });

  it("AdamW with gradients: each step is Adam's step (the same, as the moments do not see the decay) after the shrink", () => {
    const plain = clippedAdam(variablesOf(6), { learningRate: 0.01, warmup: 0, clipNorm: 1e9 });
    const decayed = clippedAdam(variablesOf(6), { learningRate: 0.01, warmup: 0, clipNorm: 1e9, weightDecay: 2 });
    const expected = Float64Array.from(decayed.weights);
    for (let k = 0; k < 8; k++) {
      const before = Float64Array.from(plain.weights);
      const gradients = gradientsAt(k);
      plain.apply(gradients, k);
      decayed.apply(gradients, k);
      tf.dispose(gradients);
      expected.forEach((w, i) => (expected[i] = w * (1 - 0.01 * 2) + ((plain.weights[i] ?? 0) - (before[i] ?? 0))));
    }
    decayed.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? Number.NaN, 5));
    // The decay moved the weights away from Adam's by about lr lambda |w| per step: 8 steps of 0.02 |w|.
    expect(Math.abs((decayed.weights[0] ?? 0) - (plain.weights[0] ?? 0))).toBeGreaterThan(0.05 * Math.abs(plain.weights[0] ?? 0));
  });

  it('rejects bad options and gradients of the wrong size, naming them', () => {
    expect(() => clippedAdam(variablesOf(4), { weightDecay: -1 })).toThrow(/weightDecay must be a finite number >= 0, got -1/);
    expect(() => clippedAdam(variablesOf(4), { learningRate: 0 })).toThrow(/learningRate must be > 0/);
    expect(() => clippedAdam(variablesOf(4), { warmup: 1.5 })).toThrow(/warmup must be an integer >= 0/);
    expect(() => clippedAdam(variablesOf(4)).applyFlat(new Float32Array(3), 0)).toThrow(/expected 8 gradient values, got 3/);
  });
});
