import type { PluginConfig } from '@scoreflow/core';
import type { Condition, RaceMixture } from './race-problem.js';
import { mixtureConfig } from './race-problem.js';

/** How a contestant samples: `mcmc` runs new chains per condition; `diffusion` reuses one score. */
export type ConditioningKind = 'mcmc' | 'diffusion';

/** A contestant of the conditioning race: its stage config for one condition and a per-particle budget. */
export interface ConditioningContestant {
  readonly name: string;
  readonly kind: ConditioningKind;
  /** The source its particles start from: MCMC chains from N(0, 3^2 I), diffusion from the SDE's prior. */
  readonly source: PluginConfig;
  /** The stage for condition `c` given `perParticle` evaluations per particle (density, gradient or score). */
  stage(c: Condition, perParticle: number): PluginConfig;
}

const chains = { type: 'gaussian', std: 3 };
const fromPrior = { type: 'prior' };
const atLeastOne = (value: number) => Math.max(1, Math.floor(value));

/** MCMC chains keep their final state only (thin = steps), after a warm-up of half the iterations. */
const mcmc = (type: string, initial: number, perIteration: number, posteriorOf: (c: Condition) => PluginConfig) => (c: Condition, perParticle: number) => {
  const iterations = atLeastOne((perParticle - initial) / perIteration);
  const warmup = Math.floor(iterations / 2);
  const steps = atLeastOne(iterations - warmup);
  return { type, target: posteriorOf(c), warmup, steps, thin: steps };
};

const reverse = (type: string, perStep: number, start: number, extra: Record<string, unknown>, score: (c: Condition) => PluginConfig) =>
  (c: Condition, perParticle: number) => ({ type, score: score(c), steps: atLeastOne((perParticle - start) / perStep), tEnd: 1e-3, snapshotEvery: 1_000_000, includeInitial: false, ...extra });

/**
 * The contestants on a problem whose prior is the mixture `prior`: random-walk Metropolis and
 * MALA chains on each condition's posterior target (new chains per condition); the reverse SDE
 * with the exact posterior score (the unconditional score plus the exact guidance term, closed
 * form for a mixture), the twisted SMC sampler with the one unconditional score, and the biased
 * baselines replacement, RePaint (r = 5) and DPS.
 */
export function conditioningContestants(prior: RaceMixture): readonly ConditioningContestant[] {
  const unconditional = () => ({ type: 'gaussian-mixture', ...mixtureConfig(prior) });
  const posteriorOf = (c: Condition) => ({ type: 'posterior', ...mixtureConfig(prior), observation: c.observation });
  return [
    { name: 'rwm chains', kind: 'mcmc', source: chains, stage: mcmc('random-walk-metropolis', 1, 1, posteriorOf) },
    { name: 'mala chains', kind: 'mcmc', source: chains, stage: mcmc('mala', 2, 2, posteriorOf) },
    { name: 'posterior score', kind: 'diffusion', source: fromPrior, stage: reverse('euler-maruyama', 1, 0, {}, posteriorOf) },
    { name: 'twisted smc', kind: 'diffusion', source: fromPrior, stage: (c, e) => ({ ...reverse('twisted-smc', 1, 1, {}, unconditional)(c, e), observation: c.observation }) },
    { name: 'replacement', kind: 'diffusion', source: fromPrior, stage: (c, e) => ({ ...reverse('replacement', 1, 0, {}, unconditional)(c, e), observation: { ...c.observation, sigma: 0 } }) },
    { name: 'repaint', kind: 'diffusion', source: fromPrior, stage: (c, e) => ({ ...reverse('repaint', 5, 0, { resampling: 5 }, unconditional)(c, e), observation: { ...c.observation, sigma: 0 } }) },
    { name: 'dps', kind: 'diffusion', source: fromPrior, stage: (c, e) => ({ ...reverse('dps', 3, 0, { scale: 0.05 }, unconditional)(c, e), observation: c.observation }) },
  ];
}
