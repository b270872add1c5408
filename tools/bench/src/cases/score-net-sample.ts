import { type ScoreModel, createRunContext } from '@scoreflow/core';
import { priorSource } from '@scoreflow/data-sources';
import { eulerMaruyama } from '@scoreflow/samplers';
import { mlpScoreNetwork, networkScore, selectBackend } from '@scoreflow/score-nets';
import { uniformGrid, vp } from '@scoreflow/sdes';
import { cpus } from 'node:os';
import { lastValueFrom } from 'rxjs';
import { parallelNetworkScore } from '@scoreflow/score-nets/node';
import type { BenchResult, BenchValue } from '../measure.js';
import { cpuPerUnit, threadCpuMs } from './score-net-thread-cpu.js';

const particles = 10_000;
/** Timed steps; the 500 steps are extrapolated from the rate (it does not depend on the step count). */
const steps = 100;

/** Wall time in ms of the reverse Euler-Maruyama sampler over `particles` with `score`, `count` steps. */
async function samplerMs(score: ScoreModel, count: number): Promise<number> {
  const sde = vp();
  const ctx = createRunContext({ name: 'bench', seed: 0, dim: 2, particles, batchSize: particles });
  const start = performance.now();
  await lastValueFrom(
    priorSource(sde, 2).sample(ctx).pipe(eulerMaruyama({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, count, 1e-3), snapshotEvery: count, includeInitial: false })),
  );
  return performance.now() - start;
}

/**
 * Sampling with a score network: the reverse Euler-Maruyama sampler of @scoreflow/samplers
 * under the VP SDE on 10,000 2-D particles in one batch, the score from the MLP 3x128 (untrained:
 * the speed does not depend on the weights) on the wasm backend, through `networkScore` in one
 * thread and through `parallelNetworkScore` (main thread + one worker per remaining core).
 */
export async function scoreNetSample(): Promise<BenchResult> {
  await selectBackend('wasm');
  const sde = vp();
  const network = mlpScoreNetwork({ dim: 2, width: 128, depth: 3 });
  const workers = Math.max(1, cpus().length - 1);
  const values: BenchValue[] = [];
  const forwardRows = new Float32Array(2 * particles).map((_, i) => Math.sin(i));
  const forwardOut = new Float32Array(2 * particles);
  const variants: [string, () => Promise<ScoreModel & { dispose?: () => Promise<void> }>][] = [
    ['wasm, one thread (networkScore)', async () => networkScore(network, sde)],
    [`wasm, main + ${workers} worker${workers > 1 ? 's' : ''} (parallelNetworkScore)`, () => parallelNetworkScore(network, sde, { workers })],
  ];
  for (const [name, make] of variants) {
    const score = await make();
    try {
      await samplerMs(score, 5);
      const before = threadCpuMs();
      const ms = await samplerMs(score, steps);
      const cpu = cpuPerUnit(before, threadCpuMs(), steps);
      const rate = (particles * steps) / (ms / 1000);
      values.push({ name: `${name}: particle-steps per second`, value: rate, unit: '1/s', target: '>= 500,000 (PyTorch: 990,000)' });
      values.push({ name: `${name}: 10k particles x 500 steps (extrapolated)`, value: (particles * 500) / rate, unit: 's' });
      if (cpu.main > 0) {
        const parallel = name.includes('worker');
        values.push({ name: `${name}: CPU per step, main thread`, value: cpu.main, unit: 'ms' });
        if (parallel) values.push({ name: `${name}: CPU per step, busiest worker thread`, value: cpu.busiestOther, unit: 'ms' });
        const busiest = Math.max(cpu.main, parallel ? cpu.busiestOther : 0);
        values.push({ name: `${name}: particle-steps per second with a free core per thread (10k / busiest thread's CPU per step)`, value: (particles * 1000) / busiest, unit: '1/s' });
      }
      for (let i = 0; i < 3; i++) await score.score(forwardRows, 0.5, forwardOut);
      const start = performance.now();
      for (let i = 0; i < 10; i++) await score.score(forwardRows, 0.5, forwardOut);
      values.push({ name: `${name}: one score call on 10k particles`, value: (performance.now() - start) / 10, unit: 'ms' });
    } finally {
      await score.dispose?.();
    }
  }
  network.dispose();
  return {
    bench: 'score-net-sample: reverse Euler-Maruyama with the MLP 3x128 score',
    description: `${particles.toLocaleString('en')} 2-D particles, VP SDE, ${steps} steps timed after a 5-step warm-up; MLP 3x128 (SiLU) score on wasm; CPU time per thread from /proc (on a shared machine the wall-time rate also measures the neighbours)`,
    values,
  };
}
