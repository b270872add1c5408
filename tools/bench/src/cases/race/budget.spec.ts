import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StageDescription, StageKind } from '@scoreflow/core';
import { KEEP, budgetOptions, kindOf, mcmcCost } from './budget.js';
import { type Contestant, readContestants } from './contestant.js';
import { describeContestant, runContestant } from './run-contestant.js';
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

/** What a stage of that kind says of itself, with `steps` and `warmup` in its plan. */
const described = (kind: StageKind, plan: Partial<StageDescription['plan']> = {}): StageDescription => ({
  kind,
  plan: { steps: 1000, warmup: kind === 'mcmc' ? 500 : 0, snapshotEvery: 1, includeInitial: false, ...plan },
});
const mcmc = (warmup: number, steps: number) => described('mcmc', { warmup, steps, scoreEvaluationsPerStep: 0 });

describe('kindOf(contestant, stage)', () => {
  it("classifies a stage by the kind it describes, whatever its plugin's name: MCMC with many chains or one, else diffusion", () => {
    expect(kindOf(contestant({ type: 'my-own-chain' }, 2000), described('mcmc'))).toBe('parallel-mcmc');
    expect(kindOf(contestant({ type: 'my-own-chain' }, 1), described('mcmc'))).toBe('single-chain');
    expect(kindOf(contestant({}, 2000), described('langevin'))).toBe('diffusion');
  });
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
    expect(budgetOptions(contestant({ warmup: 250, steps: 250 }, 2000), mcmc(250, 250), 2e6)).toEqual({ warmup: 500, steps: 499, thin: 499, includeWarmup: false });
  });

  it('thins the single chain to KEEP states and gives the rest to warm-up', () => {
    const options = budgetOptions(contestant({ warmup: 50_000, steps: 450_000 }, 1), mcmc(50_000, 450_000), 1e5);
    expect(options).toEqual({ warmup: 11_999, steps: 88_000, thin: 44, includeWarmup: false });
    expect((options.steps as number) / (options.thin as number)).toBe(KEEP);
  });

  it('keeps the single chain within the plugins limit of 1,000,000 steps', () => {
    expect(budgetOptions(contestant({ warmup: 1, steps: 9 }, 1), mcmc(1, 9), 2e6)).toEqual({ warmup: 999_999, steps: 1_000_000, thin: 500, includeWarmup: false });
  });

  it("splits MCMC iterations as the stage's plan does: the samplers' defaults when the config sets none", () => {
    expect(budgetOptions(contestant({}, 1000), mcmc(500, 1000), 1e5 * 1000 + 1000)).toEqual({ warmup: 33_333, steps: 66_667, thin: 66_667, includeWarmup: false });
  });

  it('gives diffusion budget / particles / (score evaluations per step of its plan) steps, emitting only the final snapshot', () => {
    expect(budgetOptions(contestant({ type: 'euler-maruyama' }, 2000, { type: 'vp' }), described('reverse-sde', { scoreEvaluationsPerStep: 1 }), 1e5)).toEqual({ steps: 50, snapshotEvery: 50, includeInitial: false });
    expect(budgetOptions(contestant({ type: 'predictor-corrector' }, 2000, { type: 'vp' }), described('reverse-sde', { scoreEvaluationsPerStep: 3 }), 1.5e5)).toMatchObject({ steps: 25 });
    // Heun's plan gives no fixed count (its last step takes one evaluation): two per step.
    expect(budgetOptions(contestant({ type: 'heun' }, 2000, { type: 'vp' }), described('ode'), 1e5)).toMatchObject({ steps: 25 });
  });

  it('rejects a budget too small for the single chain to keep its states', () => {
    expect(() => budgetOptions(contestant({}, 1), mcmc(500, 1000), 1000)).toThrow(/too few to keep 2000 states/);
  });
});

describe('the shipped contestants at a budget of 2e4', () => {
  const registry = createBrowserRegistry();
  const contestants = readContestants(resolve(import.meta.dirname, '../../../../../apps/runner/configs/mcmc-vs-diffusion'));

  it.each(contestants.map((c) => [c.name, c] as const))('%s spends 80-100% of the budget and returns 2000 states', async (_, c) => {
    const run = await runContestant(registry, c, budgetOptions(c, describeContestant(registry, c), 2e4));
    expect(run.evaluations).toBeLessThanOrEqual(2e4);
    expect(run.evaluations).toBeGreaterThanOrEqual(0.8 * 2e4);
    expect(run.sample.length).toBe(2 * KEEP);
  });
});
