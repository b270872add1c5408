import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { testVpSde } from '../testing/test-sde.js';
import { describeMlp } from './describe-mlp.js';
import { flattenTensors } from './flat-weights.js';
import { mlpScoreNetwork } from './mlp.js';
import { networkScore } from './network-score.js';

beforeAll(async () => {
  await selectBackend('cpu');
});

describe('describeMlp(network, label)', () => {
  it('carries the architecture, the weights in flattenTensors order and the frequencies whose sin/cos are the time embedding', () => {
    const network = mlpScoreNetwork({ dim: 3, width: 8, depth: 2, activation: 'tanh', residual: true, output: 'denoiser', classes: 2, labelEmbeddingSize: 4, embeddingSize: 6, seed: 2 });
    const description = describeMlp(network, 1);
    expect(description).toMatchObject({ kind: 'mlp', dim: 3, width: 8, depth: 2, activation: 'tanh', residual: true, output: 'denoiser', classes: 2, labelEmbeddingSize: 4, label: 1 });
    expect(Array.from(description.weights)).toEqual(Array.from(flattenTensors(network.variables)));
    const t = 0.731;
    const embedded = tf.tidy(() => Array.from(network.time.embed(tf.tensor1d([t])).dataSync()));
    const angles = Array.from(description.frequencies, (f) => Math.fround(Math.fround(t) * f));
    const features = [...angles.map(Math.sin), ...angles.map(Math.cos)];
    features.forEach((v, i) => expect(embedded[i]).toBeCloseTo(v, 6));
    expect(describeMlp(network).label).toBe(2);
    expect(() => describeMlp(network, 3)).toThrow(/label must be an integer in \[0, 2\], got 3/);
    network.dispose();
  });

  it('networkScore(mlp, sde).describe() describes the network with the weights it holds at the call', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8 });
    const model = networkScore(network, testVpSde());
    const weightsNow = () => {
      const description = model.describe?.();
      if (description?.kind !== 'mlp') throw new Error(`expected an mlp description, got ${description?.kind}`);
      return Array.from(description.weights.subarray(0, 5));
    };
    const before = weightsNow();
    network.variables[0]?.assign(tf.zerosLike(network.variables[0]));
    expect(before).not.toEqual([0, 0, 0, 0, 0]);
    expect(weightsNow()).toEqual([0, 0, 0, 0, 0]);
    network.dispose();
  });
});
