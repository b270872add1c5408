import { lastValueFrom, tap, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { testGaussianSource } from '../testing/test-gaussian-source.js';
import { testVpSde } from '../testing/test-sde.js';
import { train } from '../training/train.js';
import { weightEma } from './weight-ema.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('weightEma(network, decay)', () => {
  it('update() averages in the current weights: ema <- decay ema + (1 - decay) w', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
    const ema = weightEma(net, 0.9, { warmup: false });
    const start = net.variables.map((v) => v.dataSync().slice());
    net.variables.forEach((v) => v.assign(tf.tidy(() => tf.add(v, 1))));
    ema.update();
    ema.weights.forEach((w, i) => w.dataSync().forEach((value, j) => expect(value).toBeCloseTo((start[i]?.[j] ?? 0) + 0.1, 5)));
    ema.dispose();
    net.dispose();
  });
  it('warms the decay up as min(decay, (1 + k) / (10 + k)), and resumes the count', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
    const ema = weightEma(net, 0.999);
    expect([0, 1, 90, 10_000].map((k) => ema.decayAt(k))).toEqual([0.1, 2 / 11, 91 / 100, 0.999]);
    const start = net.variables.map((v) => v.dataSync().slice());
    net.variables.forEach((v) => v.assign(tf.tidy(() => tf.add(v, 1))));
    ema.update();
    expect(ema.updates).toBe(1);
    // Update 0 uses d = 0.1: 0.1 start + 0.9 (start + 1).
    ema.weights.forEach((w, i) => w.dataSync().forEach((value, j) => expect(value).toBeCloseTo((start[i]?.[j] ?? 0) + 0.9, 5)));
    const resumed = weightEma(net, 0.999, { updates: 90 });
    expect(resumed.decayAt(resumed.updates)).toBeCloseTo(0.91, 12);
    expect(() => weightEma(net, 0.9, { updates: -1 })).toThrow(/updates must be an integer >= 0/);
    tf.dispose([...ema.weights, ...resumed.weights]);
    net.dispose();
  });
  it('copyTo(target) puts the averaged weights into a network of the same architecture', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 4, seed: 1 });
    const target = mlpScoreNetwork({ dim: 2, width: 4, seed: 2 });
    const ema = weightEma(net, 0.5);
    ema.copyTo(target);
    target.variables.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(net.variables[i]?.dataSync() ?? [])));
    expect(() => ema.copyTo(mlpScoreNetwork({ dim: 2, width: 4, depth: 1 }))).toThrow(/weight tensors/);
    ema.dispose();
    net.dispose();
    target.dispose();
  });
  it('train(..., { ema }) updates it after every step, with constant live tensors', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    const ema = weightEma(net, 0.5);
    const counts: number[] = [];
    await lastValueFrom(
      train(net, testVpSde(), testGaussianSource([0, 0], 1), { steps: 10, batchSize: 32, poolSize: 256, ema }).pipe(
        tap(() => counts.push(tf.memory().numTensors)),
        toArray(),
      ),
    );
    expect(new Set(counts.slice(1)).size).toBe(1);
    const moved = ema.weights.some((w, i) => Array.from(w.dataSync()).some((value, j) => value !== net.variables[i]?.dataSync()[j]));
    expect(moved).toBe(true);
    expect(() => weightEma(net, 1)).toThrow(/decay must be in \[0, 1\)/);
    ema.dispose();
    net.dispose();
  });
});
