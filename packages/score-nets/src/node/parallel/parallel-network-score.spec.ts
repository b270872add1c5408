import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../backend/tf.js';
import { selectBackend } from '../../backend/select-backend.js';
import { mlpScoreNetwork } from '../../network/mlp.js';
import { networkScore } from '../../network/network-score.js';
import { testVpSde } from '../../testing/test-sde.js';
import { uniformSource } from '../../testing/uniform.js';
import { parallelNetworkScore } from './parallel-network-score.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();
const pointsOf = (n: number, seed: number): Float32Array => {
  const next = uniformSource(seed);
  return Float32Array.from({ length: 2 * n }, () => 4 * next() - 2);
};

describe('parallelNetworkScore(network, sde, { workers })', () => {
  it('with 1 worker equals networkScore to float tolerance, for each output kind and label, and live tensors do not grow', async () => {
    for (const [options, label] of [[{ output: 'eps' }, undefined], [{ output: 'denoiser', classes: 2 }, 1], [{ output: 'score', classes: 2 }, undefined]] as const) {
      const network = mlpScoreNetwork({ dim: 2, width: 16, depth: 2, seed: 2, ...options });
      const serial = networkScore(network, sde, label === undefined ? {} : { label });
      const model = await parallelNetworkScore(network, sde, { workers: 1, ...(label !== undefined && { label }) });
      expect(model.name).toBe(serial.name);
      const before = tf.memory().numTensors;
      for (const [n, t] of [[101, 0.3], [2, 0.9], [1, 0.05]] as const) {
        const x = pointsOf(n, n);
        const expected = new Float32Array(2 * n);
        const actual = new Float32Array(2 * n);
        await serial.score(x, t, expected);
        await model.score(x, t, actual);
        actual.forEach((value, i) => expect(value, `${options.output} n = ${n} at ${i}`).toBeCloseTo(expected[i]!, 4));
      }
      expect(tf.memory().numTensors).toBe(before);
      await model.dispose();
      network.dispose();
    }
  });

  it('with workers: 0 is networkScore exactly; rejects bad rows and a bad label like networkScore', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, classes: 2 });
    const model = await parallelNetworkScore(network, sde, { workers: 0 });
    const x = pointsOf(5, 1);
    const [expected, actual] = [new Float32Array(10), new Float32Array(10)];
    await networkScore(network, sde).score(x, 0.5, expected);
    await model.score(x, 0.5, actual);
    expect(actual).toEqual(expected);
    await expect(model.score(new Float32Array(3), 0.5, new Float32Array(3))).rejects.toThrow(RangeError);
    await expect(parallelNetworkScore(network, sde, { workers: 1, label: 2 })).rejects.toThrow(/label must be an integer in \[0, 2\)/);
    await model.dispose();
    network.dispose();
  });

  it('dispose() ends the workers: later calls reject', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8 });
    const model = await parallelNetworkScore(network, sde, { workers: 1 });
    await model.dispose();
    await expect(model.score(pointsOf(4, 2), 0.5, new Float32Array(8))).rejects.toThrow(/disposed/);
    network.dispose();
  });
});
