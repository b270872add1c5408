import { MIXTURE_PRESETS, allocateComponents, createRng, diffuseComponents, writeGradLogDensity } from '@scoreflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { drawFlowBatch } from './draw-flow-batch.js';
import { flowLoss } from './flow-loss.js';
import { objectiveRecipe } from './flow-objective.js';
import { createFlowTrainer } from './flow-trainer.js';
import { networkVelocity } from './network-velocity.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const target = MIXTURE_PRESETS['double-gaussian']();

/** `count` points of the double Gaussian, keyed by `step`. */
function targetSample(count: number, step: number): Float32Array {
  const rng = createRng(3);
  const x = rng.normal(new Float32Array(2 * count), { first: 0, count }, 2, { step, stream: 0 });
  const u = rng.uniform(new Float64Array(count), { first: 0, count }, 1, { step, stream: 1 });
  for (let i = 0; i < count; i++) {
    const k = u[i] < 0.5 ? 0 : 1;
    for (let d = 0; d < 2; d++) x[2 * i + d] = target.means[2 * k + d] + target.stds[2 * k + d] * x[2 * i + d];
  }
  return x;
}

/**
 * The exact I-CFM velocity from N(0, I) to the target on the straight path with sigma = 0:
 * u = (x + (1 - t) s(x)) / t, s the target's score diffused with alpha = t, sigma = 1 - t.
 */
function exactVelocity(x: Float32Array, t: number, out: Float32Array): void {
  writeGradLogDensity(diffuseComponents(target, t, 1 - t, allocateComponents('test', target)), x, out);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] + (1 - t) * out[i]) / t;
}

describe('createFlowTrainer(network, { objective })', () => {
  it('I-CFM: the trained loss approaches the irreducible loss (exact velocity, Monte Carlo) from above', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 48, depth: 2, output: 'velocity', activation: 'selu', seed: 1 });
    // One large evaluation batch: per row, the network's and the exact velocity's squared errors.
    const recipe = objectiveRecipe('icfm', 0);
    const evaluation = drawFlowBatch(recipe, targetSample(8000, 10_000), 2, { seed: 99, step: 0 });
    const exact = new Float32Array(2);
    const excess = async () => {
      const predicted = tf.tidy(() => network.apply(tf.tensor2d(evaluation.xt, [evaluation.n, 2]), tf.tensor1d(evaluation.t)).dataSync());
      let sum = 0;
      let sumSquares = 0;
      let irreducible = 0;
      for (let i = 0; i < evaluation.n; i++) {
        exactVelocity(evaluation.xt.subarray(2 * i, 2 * i + 2), evaluation.t[i], exact);
        let net = 0;
        let best = 0;
        for (let d = 0; d < 2; d++) {
          net += (evaluation.target[2 * i + d] - predicted[2 * i + d]) ** 2;
          best += (evaluation.target[2 * i + d] - exact[d]) ** 2;
        }
        sum += net - best;
        sumSquares += (net - best) ** 2;
        irreducible += best / evaluation.n;
      }
      const mean = sum / evaluation.n;
      return { mean, se: Math.sqrt((sumSquares / evaluation.n - mean * mean) / evaluation.n), irreducible };
    };
    const before = await excess();
    const trainer = createFlowTrainer(network, { objective: 'icfm', learningRate: 3e-3, warmup: 10, seed: 2 });
    for (let step = 0; step < 600; step++) await trainer.step(targetSample(256, step));
    const after = await excess();
    trainer.dispose();
    network.dispose();
    // The excess E||v - u||^2 is >= 0: from above, within 3 standard errors; and it shrinks.
    expect(after.mean).toBeGreaterThan(-3 * after.se);
    expect(after.mean).toBeLessThan(0.25 * before.mean);
    expect(after.mean).toBeLessThan(0.15 * after.irreducible);
  });

  it('OT-CFM reaches a lower loss than I-CFM (straighter, non-crossing paths: a smaller irreducible loss)', async () => {
    const final = async (objective: 'icfm' | 'otcfm') => {
      const network = mlpScoreNetwork({ dim: 2, width: 48, depth: 2, output: 'velocity', activation: 'selu', seed: 1 });
      const trainer = createFlowTrainer(network, { objective, learningRate: 3e-3, warmup: 10, seed: 2 });
      let last = 0;
      for (let step = 0; step < 200; step++) {
        const loss = await trainer.step(targetSample(128, step));
        if (step >= 150) last += loss / 50;
      }
      trainer.dispose();
      network.dispose();
      return last;
    };
    expect(await final('otcfm')).toBeLessThan(0.5 * (await final('icfm')));
  });

  it("networkVelocity(network) is the network's output at (x, t)", async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 1, output: 'velocity' });
    const x = Float32Array.of(0.5, -1, 2, 0.25);
    const out = new Float32Array(4);
    await networkVelocity(network).velocity(x, 0.3, out);
    expect([...out]).toEqual([...tf.tidy(() => network.apply(tf.tensor2d(x, [2, 2]), 0.3).dataSync())]);
    network.dispose();
  });

  it('refuses a network that does not predict a velocity, and sbcfm without sigma', () => {
    const eps = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
    expect(() => createFlowTrainer(eps, { objective: 'icfm' })).toThrow(/must predict a velocity \(output 'velocity'\), got 'eps'/);
    const velocity = mlpScoreNetwork({ dim: 2, width: 4, depth: 1, output: 'velocity' });
    expect(() => createFlowTrainer(velocity, { objective: 'sbcfm' })).toThrow(/sbcfm objective needs sigma > 0/);
    expect(() => flowLoss(eps, { n: 1, dim: 2, xt: new Float32Array(2), t: new Float32Array(1), target: new Float32Array(2) })).toThrow(/flowLoss: the network must predict a velocity/);
    eps.dispose();
    velocity.dispose();
  });
});
