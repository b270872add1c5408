// Times mixtureScore on 1M particles: `npx tsx scripts/bench-mixture-score.ts` (from packages/score-models).
// Prints the best and median ns per particle over repeated calls, on one core.
import { type GaussianMixture, gaussianMixture, mixtureGradLogDensity, mixtureLogDensity } from '@scoreflow/core';
import { mixtureScore } from '../src/index.js';
import { affineSde } from '../src/testing/affine-sde.js';

/** A VP-like affine SDE (score-models does not import @scoreflow/sdes): m(t) = exp(-2t), s(t) = sqrt(1 - exp(-4t)). */
const sde = affineSde('bench-vp', (t) => ({ mean: Math.exp(-2 * t), std: Math.sqrt(-Math.expm1(-4 * t)) }));

const n = 1_000_000;
const reps = 30;

function positions(dim: number): Float32Array {
  const x = new Float32Array(n * dim);
  let state = 12345;
  for (let i = 0; i < x.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    x[i] = (state / 2 ** 32 - 0.5) * 8;
  }
  return x;
}

function time(label: string, run: () => void): void {
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    run();
    samples.push(((performance.now() - start) * 1e6) / n);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} best ${samples[0].toFixed(2)}  median ${samples[reps >> 1].toFixed(2)} ns/particle`);
}

const cases: [string, GaussianMixture][] = [
  ['K = 2, dim = 2 (double-gaussian, fast path)', gaussianMixture({ weights: [0.5, 0.5], means: [[-2, 0], [2, 0]], std: 0.5 })],
  ['K = 3, dim = 2 (generic path)', gaussianMixture({ means: [[-2, 0], [2, 0], [0, 2]], std: 0.5 })],
  ['K = 2, dim = 3 (generic path)', gaussianMixture({ means: [[-2, 0, 0], [2, 0, 1]], std: 0.5 })],
];
for (const [label, mixture] of cases) {
  const x = positions(mixture.dim);
  const out = new Float32Array(x.length);
  const model = mixtureScore(mixture, sde);
  time(`score, ${label}`, () => model.score(x, 0.5, out));
}
{
  const mixture = cases[0][1];
  const x = positions(2);
  const model = mixtureScore(mixture, sde);
  const batch = 65_536;
  const out = new Float32Array(batch * 2);
  time('score, K = 2, dim = 2, batches of 65,536', () => {
    for (let first = 0; first + batch <= n; first += batch) model.score(x.subarray(2 * first, 2 * (first + batch)), 0.5, out);
  });
  const grad = new Float32Array(x.length);
  time('mixtureGradLogDensity, K = 2, dim = 2', () => mixtureGradLogDensity(mixture, x, grad));
  const logp = new Float64Array(n);
  time('mixtureLogDensity, K = 2, dim = 2', () => mixtureLogDensity(mixture, x, logp));
}
