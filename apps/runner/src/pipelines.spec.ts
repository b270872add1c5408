/**
 * The seed's two pipelines composed in code, checked against closed forms: the double Gaussian
 * diffusing forward under dx = dW, and coming back under the reverse SDE with the exact score.
 */
import { MIXTURE_PRESETS, type ParticleBatch, createRunContext, labelsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { gaussianMixtureSource, priorSource } from '@scoreflow/data-sources';
import { eulerMaruyama, forwardDiffusion } from '@scoreflow/samplers';
import { mixtureScore } from '@scoreflow/score-models';
import { brownian, geometricGrid } from '@scoreflow/sdes';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

const doubleGaussian = MIXTURE_PRESETS['double-gaussian']();
const sigma = 0.5;

/** Per-mode statistics of 2-D particles split by a label function. */
function modeStats(batches: readonly ParticleBatch[], mode: (x: number, label: number) => number) {
  const stats = [0, 1].map(() => ({ n: 0, sum: [0, 0], square: [0, 0] }));
  for (const batch of batches) {
    const x = positionsOf(batch);
    const labels = labelsOf(batch);
    for (let i = 0; i < batch.numRows; i++) {
      const s = stats[mode(x[2 * i], labels?.[i] ?? -1)];
      s.n++;
      for (let j = 0; j < 2; j++) {
        s.sum[j] += x[2 * i + j];
        s.square[j] += x[2 * i + j] ** 2;
      }
    }
  }
  return stats.map(({ n, sum, square }) => ({
    n,
    mean: sum.map((v) => v / n),
    std: square.map((v, j) => Math.sqrt(v / n - (sum[j] / n) ** 2)),
  }));
}

describe('double Gaussian forward under dx = dW', () => {
  it('matches the closed-form mixture marginal N(mu_k, (0.25 + t) I) at several t', async () => {
    const n = 40_000;
    const ctx = createRunContext({ name: 'forward', seed: 1, dim: 2, particles: n, batchSize: 16_384 });
    const sde = brownian({ g: 1, T: 4 });
    const out = await lastValueFrom(
      gaussianMixtureSource(doubleGaussian).sample(ctx).pipe(forwardDiffusion({ sde, rng: ctx.rng, steps: 400, snapshotEvery: 100, method: 'euler-maruyama' }), toArray()),
    );
    for (const step of [0, 100, 200, 400]) {
      const snapshot = out.filter((batch) => stepsOf(batch)[0] === step);
      const t = timesOf(snapshot[0])[0];
      expect(t).toBeCloseTo(step / 100, 5);
      const std = Math.sqrt(sigma * sigma + t);
      // The label is the mixture component: each component diffuses as N(mu_k, (sigma^2 + t) I).
      const modes = modeStats(snapshot, (_x, label) => label);
      modes.forEach((mode, k) => {
        expect(Math.abs(mode.n / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
        expect(Math.abs(mode.mean[0] - (k === 0 ? -2 : 2))).toBeLessThan((5 * std) / Math.sqrt(mode.n));
        expect(Math.abs(mode.mean[1])).toBeLessThan((5 * std) / Math.sqrt(mode.n));
        for (const s of mode.std) expect(Math.abs(s - std)).toBeLessThan((5 * std) / Math.sqrt(2 * mode.n));
      });
    }
  });
});

describe('double Gaussian back from the prior by the reverse SDE with the exact score', () => {
  async function reverse(steps: number, n = 40_000) {
    const ctx = createRunContext({ name: 'reverse', seed: 2, dim: 2, particles: n, batchSize: 16_384 });
    const sde = brownian({ g: 1, T: 100 });
    const times = geometricGrid().times(sde, steps, 1e-3);
    const stage = eulerMaruyama({ sde, score: mixtureScore(doubleGaussian, sde), rng: ctx.rng, times, snapshotEvery: steps, includeInitial: false });
    const out = await lastValueFrom(priorSource(sde, 2).sample(ctx).pipe(stage, toArray()));
    return { n, modes: modeStats(out, (x) => (x < 0 ? 0 : 1)) };
  }

  it('returns both modes in equal share with their means and standard deviations', async () => {
    const { n, modes } = await reverse(1000);
    modes.forEach((mode, k) => {
      expect(Math.abs(mode.n / n - 0.5)).toBeLessThan(0.02);
      // Target at t = 1e-3: N(mu_k, (0.25 + 0.001) I); 5 standard errors plus 1% for the time grid.
      const std = Math.sqrt(sigma * sigma + 1e-3);
      expect(Math.abs(mode.mean[0] - (k === 0 ? -2 : 2))).toBeLessThan((5 * std) / Math.sqrt(mode.n) + 0.01);
      expect(Math.abs(mode.mean[1])).toBeLessThan((5 * std) / Math.sqrt(mode.n));
      for (const s of mode.std) expect(Math.abs(s - std)).toBeLessThan((5 * std) / Math.sqrt(2 * mode.n) + 0.01 * std);
    });
  });

  it('has a per-mode error that shrinks as the number of steps grows', async () => {
    const errors: number[] = [];
    for (const steps of [25, 100, 400]) {
      const { modes } = await reverse(steps, 20_000);
      const std = Math.sqrt(sigma * sigma + 1e-3);
      errors.push(modes.reduce((sum, mode) => sum + Math.abs(mode.std[0] - std) + Math.abs(mode.std[1] - std), 0));
    }
    expect(errors[1]).toBeLessThan(errors[0]);
    expect(errors[2]).toBeLessThan(errors[1]);
  });
});
