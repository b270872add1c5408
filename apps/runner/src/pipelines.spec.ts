/**
 * The seed's two pipelines composed in code, checked against closed forms: the double Gaussian
 * diffusing forward under dx = dW, and coming back under the reverse SDE with the exact score.
 */
import { MIXTURE_PRESETS, collectAll, concatParticleBatches, createRunContext, labelsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { gaussianMixtureSource, priorSource } from '@scoreflow/data-sources';
import { eulerMaruyama, forwardDiffusion } from '@scoreflow/samplers';
import { mixtureScore } from '@scoreflow/score-models';
import { brownian, geometricGrid } from '@scoreflow/sdes';
import { modeStats } from '@scoreflow/testing';
import { describe, expect, it } from 'vitest';

const doubleGaussian = MIXTURE_PRESETS['double-gaussian']();
const sigma = 0.5;

describe('double Gaussian forward under dx = dW', () => {
  it('matches the closed-form mixture marginal N(mu_k, (0.25 + t) I) at several t', async () => {
    const n = 40_000;
    const ctx = createRunContext({ name: 'forward', seed: 1, dim: 2, particles: n, batchSize: 16_384 });
    const sde = brownian({ g: 1, T: 4 });
    const out = await collectAll(
      gaussianMixtureSource(doubleGaussian).sample(ctx).pipe(forwardDiffusion({ sde, rng: ctx.rng, steps: 400, snapshotEvery: 100, method: 'euler-maruyama' })),
    );
    for (const step of [0, 100, 200, 400]) {
      const snapshot = concatParticleBatches(out.filter((batch) => stepsOf(batch)[0] === step));
      const t = timesOf(snapshot)[0];
      expect(t).toBeCloseTo(step / 100, 5);
      const std = Math.sqrt(sigma * sigma + t);
      // The label is the mixture component: each component diffuses as N(mu_k, (sigma^2 + t) I).
      const labels = labelsOf(snapshot)!;
      const modes = modeStats(positionsOf(snapshot), (i) => labels[i]);
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
    const out = await collectAll(priorSource(sde, 2).sample(ctx).pipe(stage));
    return { n, modes: modeStats(positionsOf(concatParticleBatches(out))) };
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
