import { type Sde, type Stage, collectAll, createRng, idsOf, positionsOf } from '@scoreflow/core';
import { from } from 'rxjs';
import { expect } from 'vitest';
import type { ReverseSamplerOptions } from '../shared/reverse-sampler.js';
import { gaussianBatches, gaussianScore, moments } from './gaussian.js';
import { linearSde } from './linear-sde.js';
import { uniformTimes } from './times.js';

/** Test-only: a law N(mean, variance) of one coordinate. */
export interface Law {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Test-only: the target N(mu, sigma^2 I) diffused by `linearSde({ beta, T })`, whose p_t is
 * N(m mu, m^2 sigma^2 + s^2) in closed form, with the SDE's prior set to the exact p_T.
 */
export function gaussianProblem({ beta = 1, T = 2, mu = 1.5, sigma = 0.5, dim = 2, linear = true } = {}) {
  const base = linearSde({ beta, T, linear });
  const law = (t: number): Law => {
    const { mean, std } = base.marginal(t);
    return { mean: mean * mu, variance: mean * mean * sigma * sigma + std * std };
  };
  const sde: Sde = linearSde({ beta, T, linear, priorMean: law(T).mean, priorStd: Math.sqrt(law(T).variance) });
  return { sde, dim, T, law, score: gaussianScore(sde, dim, mu, sigma) };
}

export type GaussianProblem = ReturnType<typeof gaussianProblem>;

/** Test-only: the law of x' = scale x + shift + noise z for x ~ `law`. */
export function affine(law: Law, scale: number, shift: number, noise: number): Law {
  return { mean: scale * law.mean + shift, variance: scale * scale * law.variance + noise * noise };
}

/**
 * Test-only: runs the stage `make` builds from `n` draws of the problem's prior along uniform
 * times from T down to `tEnd`, in batches of `batchSize`; returns the final positions, their
 * moments over all coordinates and the NFE per particle reported.
 */
export async function runProblem(
  problem: GaussianProblem,
  make: (options: ReverseSamplerOptions) => Stage,
  { steps, tEnd = 1e-3, n = 20_000, batchSize = n, seed = 4 }: { steps: number; tEnd?: number; n?: number; batchSize?: number; seed?: number },
) {
  const { sde, dim, T } = problem;
  const rng = createRng(seed);
  const batches = gaussianBatches(rng, n, dim, 0, 1, batchSize, T);
  for (const batch of batches) sde.prior(positionsOf(batch), idsOf(batch), dim, rng);
  let nfe = 0;
  const stage = make({
    sde,
    score: problem.score,
    rng,
    times: uniformTimes(T, tEnd, steps),
    snapshotEvery: steps,
    includeInitial: false,
    onBatchDone: (stats) => (nfe += stats.nfe * stats.particles),
  });
  const out = await collectAll(from(batches).pipe(stage));
  const x = new Float32Array(n * dim);
  let offset = 0;
  for (const batch of out) {
    x.set(positionsOf(batch), offset);
    offset += positionsOf(batch).length;
  }
  return { x, sample: moments(out, steps), nfe: nfe / n, times: uniformTimes(T, tEnd, steps) };
}

/** Test-only: five standard errors of the sample mean and standard deviation of `count` draws of `law`. */
export function tolerance(law: Law, count: number): { mean: number; std: number } {
  const std = Math.sqrt(law.variance);
  return { mean: (5 * std) / Math.sqrt(count), std: (5 * std) / Math.sqrt(2 * count) };
}

/** Test-only: the sample's mean and std are within `tolerance` of `law`, plus an allowed `bias`. */
export function expectMoments(sample: { mean: number; std: number; n: number }, law: Law, bias = 0): void {
  const allowed = tolerance(law, sample.n);
  expect(Math.abs(sample.mean - law.mean)).toBeLessThan(allowed.mean + bias);
  expect(Math.abs(sample.std - Math.sqrt(law.variance))).toBeLessThan(allowed.std + bias);
}

/** Test-only: |sample std - target std at tEnd = 1e-3| for each step count, on the beta = 1 problem. */
export async function stdErrors(make: (options: ReverseSamplerOptions) => Stage, stepCounts: readonly number[]): Promise<number[]> {
  const problem = gaussianProblem({ beta: 1 });
  const target = Math.sqrt(problem.law(1e-3).variance);
  const errors: number[] = [];
  for (const steps of stepCounts) errors.push(Math.abs((await runProblem(problem, make, { steps })).sample.std - target));
  return errors;
}

/** Test-only: the stage's sample after 20 steps has the moments of `law(times)`, the exact law of its Markov chain on those times. */
export async function expectChainLaw(problem: GaussianProblem, make: (options: ReverseSamplerOptions) => Stage, law: (times: Float64Array) => Law): Promise<void> {
  const { sample, times } = await runProblem(problem, make, { steps: 20 });
  expectMoments(sample, law(times));
}

/** Test-only: the stage's `stdErrors` at 10, 40 and 160 steps more than halve at each fourfold step count. */
export async function expectShrinkingError(make: (options: ReverseSamplerOptions) => Stage): Promise<void> {
  const errors = await stdErrors(make, [10, 40, 160]);
  expect(errors[1]).toBeLessThan(errors[0] / 2);
  expect(errors[2]).toBeLessThan(errors[1] / 2);
}
