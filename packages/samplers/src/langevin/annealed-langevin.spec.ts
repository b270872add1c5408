import { sigmaOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { type AnnealedLangevinOptions, annealedLangevin } from './annealed-langevin.js';
import { annealedLangevinPlugin } from './annealed-langevin-plugin.js';
import { type GaussianProblem, type Law, affine, gaussianProblem, runProblem, tolerance } from '../testing/gaussian-problem.js';

/**
 * The exact law of annealed Langevin dynamics for a Gaussian target: entering level t_i, x is
 * rescaled by m(t_i) / m(t_{i-1}); then x <- x + (m^2 alpha_i / 2) score + m sqrt(alpha_i) z with
 * alpha_i = epsilon sigma_i^2 / sigma_L^2.
 */
function chainLaw(problem: GaussianProblem, times: Float64Array, stepsEach: number, epsilon: number): Law {
  const { sde } = problem;
  const sigmaLast = sigmaOf(sde, times[times.length - 1]);
  let law = problem.law(times[0]);
  for (let k = 0; k + 1 < times.length; k++) {
    const level = sde.marginal(times[k + 1]);
    law = affine(law, level.mean / sde.marginal(times[k]).mean, 0, 0);
    const alpha = (epsilon * sigmaOf(sde, times[k + 1]) ** 2) / sigmaLast ** 2;
    const drift = 0.5 * alpha * level.mean ** 2;
    const target = problem.law(times[k + 1]);
    for (let j = 0; j < stepsEach; j++) {
      law = affine(law, 1 - drift / target.variance, (drift * target.mean) / target.variance, Math.sqrt(alpha) * level.mean);
    }
  }
  return law;
}

describe('annealedLangevin', () => {
  for (const beta of [0, 1]) {
    it(`takes NCSN's Langevin steps alpha_i = epsilon sigma_i^2 / sigma_L^2 at each level, the law of its chain (beta = ${beta})`, async () => {
      const problem = gaussianProblem({ beta });
      const epsilon = 2e-4;
      const stage = (options: AnnealedLangevinOptions) => annealedLangevin({ ...options, stepsEach: 4, epsilon });
      const { sample, times } = await runProblem(problem, stage, { steps: 20, tEnd: 0.05 });
      const law = chainLaw(problem, times, 4, epsilon);
      const allowed = tolerance(law, sample.n);
      expect(Math.abs(sample.mean - law.mean)).toBeLessThan(allowed.mean);
      expect(Math.abs(sample.std - Math.sqrt(law.variance))).toBeLessThan(allowed.std);
    });
  }

  it('uses epsilon = sigma_L^2 by default, i.e. alpha_i = sigma_i^2', async () => {
    const problem = gaussianProblem({ beta: 1 });
    const sigmaLast = sigmaOf(problem.sde, 1e-3);
    const options = { steps: 5, n: 500 };
    const implicit = await runProblem(problem, (o) => annealedLangevin({ ...o, stepsEach: 2 }), options);
    const explicit = await runProblem(problem, (o) => annealedLangevin({ ...o, stepsEach: 2, epsilon: sigmaLast ** 2 }), options);
    expect(implicit.x).toEqual(explicit.x);
  });

  it('has an error that shrinks as the levels and the steps per level grow', async () => {
    const problem = gaussianProblem({ beta: 0 });
    const target = Math.sqrt(problem.law(1e-3).variance);
    const errors: number[] = [];
    for (const [steps, stepsEach] of [[10, 1], [40, 4], [160, 16]]) {
      const { sample } = await runProblem(problem, (o) => annealedLangevin({ ...o, stepsEach }), { steps, n: 10_000 });
      errors.push(Math.abs(sample.std - target));
    }
    // About 0.39, 0.095 and 0.022 by the chain's law: the last levels' small steps leave the spread too wide.
    expect(errors[1]).toBeLessThan(errors[0] / 3);
    expect(errors[2]).toBeLessThan(errors[1] / 3);
  });

  it('evaluates the score stepsEach times per level', async () => {
    const { nfe } = await runProblem(gaussianProblem(), (o) => annealedLangevin({ ...o, stepsEach: 3 }), { steps: 4, n: 100 });
    expect(nfe).toBe(12);
  });

  it('rejects a last time without noise (tEnd = 0), a fractional stepsEach and epsilon <= 0', () => {
    const { sde, score } = gaussianProblem();
    const base = { sde, score, rng: {} as never, times: Float64Array.of(1, 0.5) };
    expect(() => annealedLangevin({ ...base, times: Float64Array.of(1, 0) })).toThrow(/needs a noise level sigma > 0/);
    expect(() => annealedLangevin({ ...base, stepsEach: 0.5 })).toThrow(/stepsEach must be an integer/);
    expect(() => annealedLangevin({ ...base, epsilon: -1 })).toThrow(/epsilon must be a positive number/);
  });

  it('plugin: defaults to 100 levels of 10 steps each and leaves epsilon to sigma_L^2', () => {
    const options = annealedLangevinPlugin.options.parse({ score: { type: 'gaussian-mixture' } });
    expect(options).toMatchObject({ steps: 100, stepsEach: 10 });
    expect(options.epsilon).toBeUndefined();
    expect(() => annealedLangevinPlugin.options.parse({ score: { type: 'x' }, tEnd: 0 })).toThrow();
  });
});
