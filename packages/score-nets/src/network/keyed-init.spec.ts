import { createRng } from '@scoreflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { keyedMatrix } from './keyed-init.js';
import { mlpScoreNetwork } from './mlp.js';

describe('keyedMatrix(rng, stream, rows, columns, spread)', () => {
  it('draws uniforms on (-limit, limit) or normals of std, row i keyed by i: the first rows of a larger matrix are the same', () => {
    const small = keyedMatrix(createRng(4), 'layer', 3, 5, { limit: 0.5 });
    const large = keyedMatrix(createRng(4), 'layer', 6, 5, { limit: 0.5 });
    expect(large.subarray(0, 15)).toEqual(small);
    expect(Math.max(...small.map(Math.abs))).toBeLessThan(0.5);
    expect(keyedMatrix(createRng(4), 'other', 3, 5, { limit: 0.5 })).not.toEqual(small);
    const normals = keyedMatrix(createRng(4), 'layer', 200, 50, { std: 3 });
    const mean = normals.reduce((sum, v) => sum + v, 0) / normals.length;
    const std = Math.sqrt(normals.reduce((sum, v) => sum + (v - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(Math.abs(std - 3)).toBeLessThan(0.15);
  });
});

describe('mlpScoreNetwork initial weights', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it("come from core's keyed RNG seeded by `seed`, one stream per layer (Glorot-uniform)", async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 2, embedding: 'sinusoidal', embeddingSize: 4, seed: 9 });
    const [first, , hidden] = network.variables;
    const limit = Math.sqrt(6 / (2 + 4 + 8));
    expect(await first.data()).toEqual(keyedMatrix(createRng(9), 'mlp/layer-0', 6, 8, { limit }));
    expect(await hidden.data()).toEqual(keyedMatrix(createRng(9), 'mlp/layer-1', 8, 8, { limit: Math.sqrt(6 / 16) }));
    network.dispose();
  });
});
