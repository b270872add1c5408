// Times empiricalScore: `npx tsx scripts/bench-empirical-score.ts` (from packages/score-models).
// Prints the best and median ns per particle per point over repeated calls, on one core.
import { defaultChunk, empiricalScore } from '../src/empirical/empirical-score.js';
import { affineSde } from '../src/testing/affine-sde.js';

/** A VP-like affine SDE (score-models does not import @scoreflow/sdes): m(t) = exp(-2t), s(t) = sqrt(1 - exp(-4t)). */
const sde = affineSde('bench-vp', (t) => ({ mean: Math.exp(-2 * t), std: Math.sqrt(-Math.expm1(-4 * t)) }));

const args = new Map(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
const numberArg = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const points = numberArg('points', 10_000);
const particles = numberArg('particles', 10_000);
const dim = numberArg('dim', 2);
const reps = numberArg('reps', 7);

function uniform(n: number, scale: number, seed: number): Float32Array {
  const x = new Float32Array(n);
  let state = seed;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    x[i] = (state / 2 ** 32 - 0.5) * scale;
  }
  return x;
}

const data = uniform(points * dim, 4, 12345);
const x = uniform(particles * dim, 6, 777);
const out = new Float32Array(x.length);

function time(label: string, run: () => void, pairs: number): void {
  const samples: number[] = [];
  run();
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    run();
    samples.push(((performance.now() - start) * 1e6) / pairs);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} best ${samples[0].toFixed(3)}  median ${samples[reps >> 1].toFixed(3)} ns/particle/point`);
}

console.log(`N = ${points} points, n = ${particles} particles, dim = ${dim}`);
const chunks = (args.get('chunks') ?? String(defaultChunk(dim))).split(',').map(Number);
for (const t of [0.02, 0.2, 1]) {
  for (const chunk of chunks) {
    const model = empiricalScore(data, dim, sde, { chunk });
    time(`t = ${t} (s = ${sde.marginal(t).std.toFixed(3)}), chunk ${chunk}`, () => void model.score(x, t, out), particles * points);
  }
}
const subset = Math.max(1, Math.floor(points / 10));
const sub = empiricalScore(data, dim, sde, { subset });
time(`t = 0.2, subset ${subset}`, () => void sub.score(x, 0.2, out), particles * subset);
