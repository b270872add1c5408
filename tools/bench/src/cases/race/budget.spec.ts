import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEEP, budgetOptions, mcmcCost } from './budget.js';
import { type Contestant, readContestants } from './contestant.js';
import { runContestant } from './run-contestant.js';
import { createBrowserRegistry } from '@scoreflow/catalogue';

const contestant = (stage: Record<string, unknown>, particles: number, sde?: { type: string }): Contestant => ({
  name: 'test',
  description: '',
  file: 'test.yaml',
  seed: 0,
  particles,
  dim: 2,
  sde,
  source: { type: 'gaussian' },
  stage: { type: 'random-walk-metropolis', ...stage } as Contestant['stage'],
  reference: { type: 'gaussian' },
});

describe('mcmcCost(stage)', () => {
  it('counts 1 density per RWM iteration, a density and a gradient per MALA iteration, L gradients and a density per HMC iteration', () => {
    expect(mcmcCost({ type: 'random-walk-metropolis' })).toEqual({ initial: 1, perIteration: 1 });
    expect(mcmcCost({ type: 'mala' })).toEqual({ initial: 2, perIteration: 2 });
    expect(mcmcCost({ type: 'hmc', leapfrogSteps: 5 })).toEqual({ initial: 2, perIteration: 6 });
    expect(mcmcCost({ type: 'hmc' })).toEqual({ initial: 2, perIteration: 11 });
  });
});

describe('budgetOptions(contestant, budget)', () => {
  it('splits parallel chains as the config splits warm-up and steps, keeping only the last state', () => {
    expect(budgetOptions(contestant({ warmup: 250, steps: 250 }, 2000), 2e6)).toEqual({ warmup: 500, steps: 499, thin: 499, includeWarmup: false });
  });

  it('thins the single chain to KEEP states and gives the rest to warm-up', () => {
    const options = budgetOptions(contestant({ warmup: 50_000, steps: 450_000 }, 1), 1e5);
    expect(options).toEqual({ warmup: 11_999, steps: 88_000, thin: 44, includeWarmup: false });
    expect((options.steps as number) / (options.thin as number)).toBe(KEEP);
  });

  it('keeps the single chain within the plugins limit of 1,000,000 steps', () => {
    expect(budgetOptions(contestant({ warmup: 1, steps: 9 }, 1), 2e6)).toEqual({ warmup: 999_999, steps: 1_000_000, thin: 500, includeWarmup: false });
  });

  it('gives diffusion budget / particles steps, emitting only the final snapshot', () => {
    expect(budgetOptions(contestant({ type: 'euler-maruyama' }, 2000, { type: 'vp' }), 1e5)).toEqual({ steps: 50, snapshotEvery: 50, includeInitial: false });
    expect(budgetOptions(contestant({ type: 'heun' }, 2000, { type: 'vp' }), 1e5)).toMatchObject({ steps: 25 });
  });

  it('rejects a budget too small for the single chain to keep its states', () => {
    expect(() => budgetOptions(contestant({}, 1), 1000)).toThrow(/too few to keep 2000 states/);
  });
});

describe('the shipped contestants at a budget of 2e4', () => {
  const registry = createBrowserRegistry();
  const contestants = readContestants(resolve(import.meta.dirname, '../../../../../apps/runner/configs/mcmc-vs-diffusion'));

  it.each(contestants.map((c) => [c.name, c] as const))('%s spends 80-100% of the budget and returns 2000 states', async (_, c) => {
    const run = await runContestant(registry, c, budgetOptions(c, 2e4));
    expect(run.evaluations).toBeLessThanOrEqual(2e4);
    expect(run.evaluations).toBeGreaterThanOrEqual(0.8 * 2e4);
    expect(run.sample.length).toBe(2 * KEEP);
  });
});
