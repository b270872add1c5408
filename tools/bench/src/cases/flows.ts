import { createRng, exactAssignment, squaredCosts } from '@scoreflow/core';
import { type FlowObjective, createFlowTrainer, mlpScoreNetwork, networkVelocity, selectBackend } from '@scoreflow/score-nets';
import type { BenchResult, BenchValue } from '../measure.js';

/**
 * torchcfm's `sample_8gaussians`: centres at 5 (+-1, 0), 5 (0, +-1), 5 (+-1, +-1) / sqrt 2, and the
 * covariance sqrt(0.1) I it passes as `var = 0.1` (standard deviation 0.1^(1/4)).
 */
function eightGaussians(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const z = rng.normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 1 });
  const u = rng.uniform(new Float64Array(n), { first: 0, count: n }, 1, { step: 0, stream: 2 });
  const s = 1 / Math.SQRT2;
  const centres = [[1, 0], [-1, 0], [0, 1], [0, -1], [s, s], [s, -s], [-s, s], [-s, -s]];
  const std = 0.1 ** 0.25;
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres[Math.min(7, Math.floor(u[i] * 8))];
    z[2 * i] = 5 * cx + std * z[2 * i];
    z[2 * i + 1] = 5 * cy + std * z[2 * i + 1];
  }
  return z;
}

/**
 * torchcfm's `sample_moons`: scikit-learn's `make_moons(n, noise = 0.2)` (outer moon (cos a, sin a),
 * inner (1 - cos a, 1/2 - sin a), a in [0, pi]), then 3 x - 1.
 */
function moons(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const z = rng.normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 3 });
  const u = rng.uniform(new Float64Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 4 });
  for (let i = 0; i < n; i++) {
    const a = Math.PI * u[2 * i];
    const outer = u[2 * i + 1] < 0.5;
    const x = outer ? Math.cos(a) : 1 - Math.cos(a);
    const y = outer ? Math.sin(a) : 0.5 - Math.sin(a);
    z[2 * i] = 3 * (x + 0.2 * z[2 * i]) - 1;
    z[2 * i + 1] = 3 * (y + 0.2 * z[2 * i + 1]) - 1;
  }
  return z;
}

/** W2 between two equal-size 2-D samples by the exact assignment (POT's `ot.emd2` with uniform weights). */
function w2(a: Float32Array, b: Float32Array): number {
  const n = a.length / 2;
  return Math.sqrt(exactAssignment(squaredCosts(a, b, 2), n).cost / n);
}

const STEPS = Number(process.env.FLOWS_STEPS ?? 1000);
const BATCH = 256;
const TEST = 1000;
const EULER = 100;

/**
 * torchcfm's 2-D protocol, shortened (README: docs/flows.md): 8 Gaussians -> moons, an MLP 3 x 64
 * SELU predicting the velocity, Adam 1e-3, sigma 0.1, `STEPS` steps of batches of 256 (torchcfm:
 * 20k steps of 512), one seed; 100 Euler steps from 1000 test points; W2 by the exact assignment
 * against 1000 test moons, beside the floor W2 of two exact samples of 1000; straightness as the
 * mean ratio of path length to endpoint distance (1 = straight), and training time.
 */
export async function flows(): Promise<BenchResult> {
  await selectBackend('wasm');
  const values: BenchValue[] = [];
  const testSource = eightGaussians(TEST, 101);
  const testTarget = moons(TEST, 102);
  values.push({ name: 'W2 floor (two exact samples of 1000)', value: w2(moons(TEST, 103), testTarget), unit: '' });
  const objectives: [FlowObjective, number][] = [['icfm', 0.1], ['otcfm', 0.1], ['fm', 0.1], ['sbcfm', 1]];
  for (const [objective, sigma] of objectives) {
    const network = mlpScoreNetwork({ dim: 2, width: 64, depth: 3, activation: 'selu', output: 'velocity', seed: 0 });
    const source = eightGaussians(65_536, 1);
    const trainer = createFlowTrainer(network, { objective, sigma, learningRate: 1e-3, warmup: 1, clipNorm: 1e9, seed: 0, source: objective === 'fm' ? undefined : source });
    const target = moons(65_536, 2);
    const start = performance.now();
    const picks = createRng(5);
    const batch = new Float32Array(2 * BATCH);
    const u = new Float64Array(BATCH);
    for (let step = 0; step < STEPS; step++) {
      picks.uniform(u, { first: 0, count: BATCH }, 1, { step, stream: 0 });
      for (let i = 0; i < BATCH; i++) batch.set(target.subarray(2 * Math.floor(u[i] * 65_536), 2 * Math.floor(u[i] * 65_536) + 2), 2 * i);
      await trainer.step(batch);
    }
    const seconds = (performance.now() - start) / 1000;
    const velocity = networkVelocity(network);
    const x = objective === 'fm' ? createRng(104).normal(new Float32Array(2 * TEST), { first: 0, count: TEST }, 2, { step: 0, stream: 0 }) : testSource.slice();
    const x0 = x.slice();
    const v = new Float32Array(x.length);
    const length = new Float64Array(TEST);
    for (let k = 0; k < EULER; k++) {
      await velocity.velocity(x, k / EULER, v);
      for (let i = 0; i < TEST; i++) length[i] += Math.hypot(v[2 * i], v[2 * i + 1]) / EULER;
      for (let i = 0; i < x.length; i++) x[i] += v[i] / EULER;
    }
    let straightness = 0;
    for (let i = 0; i < TEST; i++) straightness += length[i] / Math.max(1e-9, Math.hypot(x[2 * i] - x0[2 * i], x[2 * i + 1] - x0[2 * i + 1])) / TEST;
    values.push({ name: `${objective} (sigma ${sigma}) W2, ${EULER} Euler steps`, value: w2(x, testTarget), unit: '' });
    values.push({ name: `${objective} path length / endpoint distance`, value: straightness, unit: '' });
    values.push({ name: `${objective} training time (${STEPS} steps)`, value: seconds, unit: 's' });
    trainer.dispose();
    network.dispose();
  }
  return { bench: 'flows', description: `torchcfm's 2-D protocol shortened: 8 Gaussians -> moons (fm: N(0, I) -> moons), MLP 3x64 SELU, Adam 1e-3, ${STEPS} steps of ${BATCH}, 100 Euler steps, W2 by exact assignment on 1000 test points`, values };
}
