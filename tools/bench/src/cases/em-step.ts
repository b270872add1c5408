import { MIXTURE_PRESETS, compactIds, createRunContext, rangeIds, streamId } from '@scoreflow/core';
import { priorSource } from '@scoreflow/data-sources';
import { eulerMaruyama } from '@scoreflow/samplers';
import { mixtureScore } from '@scoreflow/score-models';
import { brownian, geometricGrid } from '@scoreflow/sdes';
import { lastValueFrom } from 'rxjs';
import { type BenchResult, bestOf } from '../measure.js';

const particles = 1_000_000;
const steps = 20;

/**
 * One reverse Euler-Maruyama step with the exact 2-component mixture score on 1,000,000 2-D
 * particles, on one core: the whole stage (score, noise, update, NaN check, batching), and its
 * parts on one 65,536-particle batch.
 */
export async function emStep(): Promise<BenchResult> {
  const sde = brownian({ g: 1, T: 100 });
  const score = mixtureScore(MIXTURE_PRESETS['double-gaussian'](), sde);
  const ctx = createRunContext({ name: 'bench', seed: 0, dim: 2, particles, batchSize: 65_536 });
  const stage = () =>
    lastValueFrom(
      priorSource(sde, 2).sample(ctx).pipe(eulerMaruyama({ sde, score, rng: ctx.rng, times: geometricGrid().times(sde, steps, 1e-3), snapshotEvery: steps, includeInitial: false })),
    );
  const stageMs = await bestOf(3, stage);

  const n = 65_536;
  const x = sde.prior(new Float32Array(2 * n), rangeIds(0, n), 2, ctx.rng);
  const out = new Float32Array(2 * n);
  const ids = compactIds(rangeIds(0, n)); // as the stage draws: consecutive ids as a range
  const scoreMs = await bestOf(20, () => score.score(x, 1, out));
  const noiseMs = await bestOf(20, () => ctx.rng.normal(out, ids, 2, { step: 1, stream: streamId('bench') }));
  const ns = (ms: number, count: number) => (ms * 1e6) / count;
  return {
    bench: 'reverse Euler-Maruyama step, exact mixture score',
    description: `${particles.toLocaleString('en')} 2-D particles, ${steps} steps, batches of 65,536, one core`,
    values: [
      { name: 'particle-steps per second', value: (particles * steps) / (stageMs / 1000), unit: '1/s' },
      { name: 'time per particle-step (whole stage)', value: ns(stageMs, particles * steps), unit: 'ns', target: '<= 30' },
      { name: 'exact score, per particle', value: ns(scoreMs, n), unit: 'ns' },
      { name: 'two standard normals (keyed RNG), per particle', value: ns(noiseMs, n), unit: 'ns' },
    ],
  };
}
