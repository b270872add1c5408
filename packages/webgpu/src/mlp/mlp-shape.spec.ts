import { isConfigError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { mlpShape } from './mlp-shape.js';
import { createMlpTrainer } from './mlp-trainer.js';
import { testDescription } from './testing/tf-mlp.js';

describe('mlpShape(description)', () => {
  it('lays the layers out in the checkpoint order: W0, b0, the hidden layers, W_out, b_out, the label table', () => {
    const shape = mlpShape(testDescription({ dim: 2, width: 16, depth: 2, classes: 3, labelEmbeddingSize: 4, embeddingSize: 8 }));
    expect(shape.input).toBe(2 + 8 + 4);
    expect(shape.layers).toEqual([
      { inputs: 14, outputs: 16, w: 0, b: 224 },
      { inputs: 16, outputs: 16, w: 240, b: 496 },
      { inputs: 16, outputs: 2, w: 512, b: 544 },
    ]);
    expect(shape.table).toBe(546);
    expect(shape.size).toBe(546 + 4 * 4);
  });

  it('throws a ConfigError naming each field the GPU cannot take and what is allowed', () => {
    const good = testDescription();
    const error = (() => {
      try {
        mlpShape({ ...good, width: 5000, label: 3 });
      } catch (e) {
        return e;
      }
    })();
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/width: expected an integer in \[1, 4096\], got 5000/);
    expect((error as Error).message).toMatch(/label: expected an integer in \[0, 0\], got 3/);
    expect(() => mlpShape({ ...good, weights: good.weights.subarray(1) })).toThrow(/weights: expected \d+ values .* got \d+/);
  });

  it('createMlpTrainer refuses a conditional network and a bad batch before touching the device', () => {
    expect(() => createMlpTrainer({} as GPUDevice, testDescription({ classes: 2 }), { batch: 0 })).toThrow(/classes: the GPU trains unconditional networks only.*\n.*batch: expected an integer in \[1, \d+\], got 0/);
  });
});
