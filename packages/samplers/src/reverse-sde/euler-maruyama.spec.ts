import { NonFiniteError, type ScoreModel, createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianBatches, gaussianScore, moments } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { eulerMaruyama } from './euler-maruyama.js';

const n = 20_000;
const dim = 2;
const mu = 1.5;
const sigma = 0.5;

/** Runs the reverse SDE from the exact p_T of N(mu, sigma^2) and returns the final moments. */
async function reverseMoments(beta: number, steps: number, linear = true, tEnd = 1e-3) {
  const T = 2;
  const base = linearSde({ beta, T, linear });
  const { mean: m, std: s } = base.marginal(T);
  const sde = linearSde({ beta, T, linear, priorMean: m * mu, priorStd: Math.sqrt(m * m * sigma * sigma + s * s) });
  const rng = createRng(4);
  const prior = sde.prior(new Float32Array(n * dim), Uint32Array.from({ length: n }, (_, i) => i), dim, rng);
  const [batch] = gaussianBatches(rng, n, dim, 0, 0, n, T);
  positionsOf(batch).set(prior);
  const stage = eulerMaruyama({ sde, score: gaussianScore(sde, dim, mu, sigma), rng, times: uniformTimes(T, tEnd, steps), snapshotEvery: steps, includeInitial: false });
  const out = await lastValueFrom(from([batch]).pipe(stage, toArray()));
  const { mean, std } = sde.marginal(tEnd);
  return { sample: moments(out, steps), mean: mean * mu, std: Math.sqrt(mean * mean * sigma * sigma + std * std) };
}

describe('eulerMaruyama', () => {
  for (const [beta, linear] of [[0, true], [1, true], [1, false]] as const) {
    it(`brings the prior back to N(mu, sigma^2) with the exact score (beta = ${beta}, ${linear ? 'fused linear drift' : 'general drift'})`, async () => {
      const { sample, mean, std } = await reverseMoments(beta, 400, linear);
      expect(Math.abs(sample.mean - mean)).toBeLessThan((5 * std) / Math.sqrt(sample.n));
      // Sampling error plus the O(dt) bias of Euler-Maruyama (dt = T / 400).
      expect(Math.abs(sample.std - std)).toBeLessThan((5 * std) / Math.sqrt(2 * sample.n) + 0.01);
    });
  }

  it('has an error that shrinks as the number of steps grows', async () => {
    const errors: number[] = [];
    for (const steps of [5, 20, 80]) {
      const { sample, std } = await reverseMoments(1, steps);
      errors.push(Math.abs(sample.std - std));
    }
    expect(errors[1]).toBeLessThan(errors[0] / 2);
    expect(errors[2]).toBeLessThan(errors[1]);
  });

  it('stops within one step after unsubscribing', async () => {
    const sde = linearSde({});
    const score = gaussianScore(sde, dim, 0, 1);
    const rng = createRng(5);
    const stage = eulerMaruyama({ sde, score, rng, times: uniformTimes(1, 1e-3, 1000), snapshotEvery: 1, includeInitial: false });
    await lastValueFrom(from(gaussianBatches(rng, 100, dim, 0, 1, 100, 1)).pipe(stage, take(3)));
    expect(score.calls).toBe(3);
  });

  it('stops with the step and t when the score makes a particle NaN', async () => {
    const sde = linearSde({});
    const rng = createRng(6);
    const broken: ScoreModel = {
      name: 'broken',
      dim,
      score(x, t, out) {
        out.fill(t < 0.5 ? Number.NaN : 0);
      },
    };
    const stage = eulerMaruyama({ sde, score: broken, rng, times: uniformTimes(1, 0.1, 10), name: 'reverse' });
    const error = await lastValueFrom(from(gaussianBatches(rng, 10, dim, 0, 1, 10, 1)).pipe(stage)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as Error).message).toMatch(/Stage 'reverse'.*at step 7, t = 0\.37/);
  });

  it('rejects a score model of another dimension and times that do not decrease', async () => {
    const sde = linearSde({});
    const rng = createRng(7);
    const stage = eulerMaruyama({ sde, score: gaussianScore(sde, 3, 0, 1), rng, times: uniformTimes(1, 1e-3, 2) });
    await expect(lastValueFrom(from(gaussianBatches(rng, 4, dim, 0, 1)).pipe(stage))).rejects.toThrow(/expected dimension 3, got 2/);
    expect(() => eulerMaruyama({ sde, score: gaussianScore(sde, 2, 0, 1), rng, times: Float64Array.of(0.1, 0.5) })).toThrow(/times must decrease/);
  });
});
