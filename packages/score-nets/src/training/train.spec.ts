import { lastValueFrom, tap, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { networkScore } from '../network/network-score.js';
import { testGaussianSource, testLabelledSource } from '../testing/test-gaussian-source.js';
import { testVpSde } from '../testing/test-sde.js';
import { createTrainer } from './trainer.js';
import { train } from './train.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();

describe('createTrainer(network, sde, options)', () => {
  it('warms the learning rate up linearly to its peak', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    const trainer = createTrainer(net, sde, { learningRate: 0.01, warmup: 10 });
    expect(trainer.learningRateAt(0)).toBeCloseTo(0.001, 12);
    expect(trainer.learningRateAt(4)).toBeCloseTo(0.005, 12);
    expect(trainer.learningRateAt(9)).toBe(0.01);
    expect(trainer.learningRateAt(500)).toBe(0.01);
    trainer.dispose();
    net.dispose();
  });
  it('clips the update: with a tiny clipNorm, one Adam step still moves each weight by at most the learning rate', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    const before = net.variables.map((v) => v.dataSync().slice());
    const trainer = createTrainer(net, sde, { learningRate: 0.01, warmup: 1, clipNorm: 1e-6 });
    const loss = await trainer.step(new Float32Array(64).fill(1));
    expect(Number.isFinite(loss)).toBe(true);
    net.variables.forEach((v, i) => {
      const after = v.dataSync();
      after.forEach((w, j) => expect(Math.abs(w - before[i]![j]!)).toBeLessThanOrEqual(0.0100001));
    });
    trainer.dispose();
    net.dispose();
  });
  it('throws on bad options', () => {
    const net = mlpScoreNetwork({ dim: 2, width: 8 });
    expect(() => createTrainer(net, sde, { eps: 2 })).toThrow(/eps must be in \(0, T = 1\)/);
    expect(() => createTrainer(net, sde, { learningRate: 0 })).toThrow(/learningRate must be > 0/);
    expect(() => createTrainer(net, sde, { weighting: 'uniform' as 's2' })).toThrow(/weighting must be one of s2, likelihood, got 'uniform'/);
    expect(() => createTrainer(net, sde, { labelDropout: 1 })).toThrow(/labelDropout must be in \[0, 1\)/);
    net.dispose();
  });
  it('asks a conditional network for labels in range, and refuses labels for an unconditional one', async () => {
    const conditional = mlpScoreNetwork({ dim: 2, width: 8, classes: 2 });
    const trainer = createTrainer(conditional, sde);
    await expect(trainer.step(new Float32Array(4))).rejects.toThrow(/2 classes and needs one label per row/);
    await expect(trainer.step(new Float32Array(4), Int32Array.from([0, 2]))).rejects.toThrow(/labels must be in \[0, 2\), got 2/);
    expect(Number.isFinite(await trainer.step(new Float32Array(4), Int32Array.from([0, 1])))).toBe(true);
    const plain = mlpScoreNetwork({ dim: 2, width: 8 });
    await expect(createTrainer(plain, sde).step(new Float32Array(4), Int32Array.from([0, 1]))).rejects.toThrow(/without classes/);
    trainer.dispose();
    conditional.dispose();
    plain.dispose();
  });
});

describe('train(network, sde, data, options)', () => {
  it('emits { step, loss, emaLoss, stepsPerSecond } per step, and live tensors stay constant over steps', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 16 });
    const counts: number[] = [];
    const records = await lastValueFrom(
      train(net, sde, testGaussianSource([1, -1], 0.5), { steps: 20, batchSize: 64, poolSize: 1000 }).pipe(
        tap(() => counts.push(tf.memory().numTensors)),
        toArray(),
      ),
    );
    expect(records.map((r) => r.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const r of records) {
      expect(Number.isFinite(r.loss) && Number.isFinite(r.emaLoss) && r.stepsPerSecond > 0).toBe(true);
    }
    expect(records[0]!.emaLoss).toBeCloseTo(records[0]!.loss, 5);
    // Adam creates its moments on the first step; after that nothing may accumulate.
    expect(new Set(counts.slice(1))).toEqual(new Set([counts[1]]));
    net.dispose();
  });

  it('a 2-D Gaussian: 800 steps of batch 512 learn a score within 15% (relative L2) of the exact one at t = 0.1, 0.5, 1', async () => {
    const mu = [1, -1];
    const sigma = 0.5;
    const net = mlpScoreNetwork({ dim: 2, width: 64, depth: 2, output: 'eps', seed: 1 });
    const records = await lastValueFrom(
      train(net, sde, testGaussianSource(mu, sigma), { steps: 800, batchSize: 512, learningRate: 3e-3, warmup: 20, seed: 2 }).pipe(toArray()),
    );
    expect(records.at(-1)!.emaLoss).toBeLessThan(records[0]!.loss);
    const model = networkScore(net, sde);
    for (const t of [0.1, 0.5, 1]) {
      const { mean: m, std: s } = sde.marginal(t);
      const v = m * m * sigma * sigma + s * s;
      // Points drawn from p_t: x = m mu + sqrt(v) u on a fixed grid of u.
      const x = new Float32Array(2 * 49);
      for (let i = 0; i < 49; i++) {
        x[2 * i] = m * mu[0]! + Math.sqrt(v) * ((i % 7) - 3) / 2;
        x[2 * i + 1] = m * mu[1]! + Math.sqrt(v) * (Math.floor(i / 7) - 3) / 2;
      }
      const out = new Float32Array(x.length);
      await model.score(x, t, out);
      let error = 0;
      let norm = 0;
      for (let i = 0; i < x.length; i++) {
        const exact = -(x[i]! - m * mu[i % 2]!) / v;
        error += (out[i]! - exact) ** 2;
        norm += exact ** 2;
      }
      expect(Math.sqrt(error / norm), `t = ${t}`).toBeLessThan(0.15);
    }
    net.dispose();
  });

  it('a conditional network learns one score per label from a labelled source, and the null label the mixture', async () => {
    const mus = [[2, 0], [-2, 0]];
    const net = mlpScoreNetwork({ dim: 2, width: 32, depth: 2, classes: 2, seed: 3 });
    await lastValueFrom(train(net, sde, testLabelledSource(mus, 0.3), { steps: 300, batchSize: 256, poolSize: 4096, learningRate: 5e-3, warmup: 10, seed: 1 }));
    // At t = 0.1 near the origin, each label's score points to its own mode (x = +-2 m), the
    // mixture's (null label) to neither: its first component is much smaller.
    const t = 0.1;
    const x = Float32Array.from([0, 0.1]);
    const scores = await Promise.all([0, 1, undefined].map(async (label) => {
      const out = new Float32Array(2);
      await networkScore(net, sde, label === undefined ? {} : { label }).score(x, t, out);
      return out;
    }));
    const [toFirst, toSecond, mixture] = scores.map((s) => s[0] as number);
    expect(toFirst).toBeGreaterThan(3);
    expect(toSecond).toBeLessThan(-3);
    expect(Math.abs(mixture as number)).toBeLessThan(Math.min(toFirst as number, -(toSecond as number)) / 2);
    await expect(lastValueFrom(train(net, sde, testGaussianSource([0, 0], 1), { steps: 1 }))).rejects.toThrow(/emits no labels/);
    net.dispose();
  });

  it('yields to the event loop while it trains: a timer set before it fires before it ends', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 64, depth: 2 });
    let stepsSeen = 0;
    let stepsWhenTimerFired = -1;
    setTimeout(() => (stepsWhenTimerFired = stepsSeen), 0);
    // About 100 steps of 2 ms or more: several times YIELD_EVERY_MS.
    await lastValueFrom(train(net, sde, testGaussianSource([0, 0], 1), { steps: 100, batchSize: 512, poolSize: 1024 }).pipe(tap(() => (stepsSeen += 1))));
    expect(stepsWhenTimerFired).toBeGreaterThanOrEqual(0);
    expect(stepsWhenTimerFired).toBeLessThan(100);
    net.dispose();
  });
});
