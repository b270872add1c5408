import type { StageDescription } from '@scoreflow/core';
import type { Contestant } from './contestant.js';

/** How a contestant spends evaluations: many chains, one long chain, or diffusion particles. */
export type ContestantKind = 'parallel-mcmc' | 'single-chain' | 'diffusion';

/** States the single chain keeps (and the sample size of every contestant). */
export const KEEP = 2000;

/** The most `steps` (and `warmup`) the MCMC plugins accept (their options schema). */
export const MAX_MCMC_ITERATIONS = 1_000_000;

/**
 * Whether the contestant's stage is an MCMC sampler (each particle a chain: `stage.kind` is
 * `mcmc`), and how many chains run. `stage` is what the stage, made from the config as written,
 * says of itself (`describeContestant`).
 */
export function kindOf(contestant: Contestant, stage: StageDescription): ContestantKind {
  if (stage.kind !== 'mcmc') return 'diffusion';
  return contestant.particles === 1 ? 'single-chain' : 'parallel-mcmc';
}

/**
 * Evaluations of log p plus grad log p per chain of an MCMC sampler, as its stats count them:
 * `initial` for the starting state, `perIteration` for each warm-up or sampling iteration.
 * RWM: 1 density per iteration; MALA: 1 density + 1 gradient; HMC: L gradients + 1 density.
 */
export function mcmcCost(stage: { readonly type: string; readonly leapfrogSteps?: unknown }): { initial: number; perIteration: number } {
  switch (stage.type) {
    case 'random-walk-metropolis':
      return { initial: 1, perIteration: 1 };
    case 'mala':
      return { initial: 2, perIteration: 2 };
    case 'hmc': {
      const leapfrogSteps = typeof stage.leapfrogSteps === 'number' ? stage.leapfrogSteps : 10;
      return { initial: 2, perIteration: leapfrogSteps + 1 };
    }
    default:
      throw new Error(`mcmc-race: no evaluation count for the MCMC stage '${stage.type}' (known: random-walk-metropolis, mala, hmc).`);
  }
}

/**
 * Score evaluations per step of a diffusion sampler: its plan's `scoreEvaluationsPerStep` where
 * fixed, else two, a second-order step's (Heun's method takes two but one on the last step).
 */
export const nfePerStep = (stage: StageDescription): number => stage.plan.scoreEvaluationsPerStep ?? 2;

/** The share of a config's MCMC iterations spent in warm-up, warmup / (warmup + steps), from the stage's plan (the options after defaults). */
const warmupShare = ({ plan }: StageDescription): number => plan.warmup / (plan.warmup + plan.steps);

/**
 * The stage options that make a contestant spend about `budget` evaluations in total (all
 * particles together), keeping the config's warm-up share:
 * - parallel MCMC: iterations = (budget / chains - initial) / perIteration, split as the config
 *   splits warm-up and steps, thinned to the last state (the sample is the chains' final states);
 * - single chain: iterations = (budget - initial) / perIteration; `thin` = floor(post-warm-up / KEEP),
 *   steps = KEEP thin, so that it records KEEP states; the rest is warm-up. Steps stay within the
 *   plugins' limit of 1,000,000 (`MAX_MCMC_ITERATIONS`): beyond it the extra iterations go to warm-up;
 * - diffusion: steps = budget / particles / NFE per step, only the final snapshot emitted.
 * `described` is what the contestant's stage as written says of itself (`describeContestant`).
 * The run's stats give what was actually spent.
 */
export function budgetOptions(contestant: Contestant, described: StageDescription, budget: number): Record<string, number | boolean> {
  const { stage, particles } = contestant;
  const perParticle = budget / particles;
  const kind = kindOf(contestant, described);
  if (kind === 'diffusion') {
    const steps = Math.max(1, Math.floor(perParticle / nfePerStep(described)));
    return { steps, snapshotEvery: steps, includeInitial: false };
  }
  const { initial, perIteration } = mcmcCost(stage);
  const iterations = Math.max(1, Math.floor((perParticle - initial) / perIteration));
  const share = warmupShare(described);
  if (kind === 'parallel-mcmc') {
    const warmup = Math.min(iterations - 1, Math.round(share * iterations));
    const steps = iterations - warmup;
    return { warmup, steps, thin: steps, includeWarmup: false };
  }
  const thin = Math.floor(Math.min(iterations - Math.round(share * iterations), MAX_MCMC_ITERATIONS) / KEEP);
  if (thin < 1) throw new RangeError(`mcmc-race: a budget of ${budget} gives the single chain ${iterations} iterations, too few to keep ${KEEP} states after warm-up.`);
  const steps = KEEP * thin;
  if (iterations - steps > MAX_MCMC_ITERATIONS) throw new RangeError(`mcmc-race: a budget of ${budget} gives the single chain more iterations than warmup + steps can hold (${2 * MAX_MCMC_ITERATIONS}).`);
  return { warmup: iterations - steps, steps, thin, includeWarmup: false };
}
