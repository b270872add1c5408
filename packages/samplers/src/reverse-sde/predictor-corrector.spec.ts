import { describe, expect, it } from 'vitest';
import { eulerMaruyama } from './euler-maruyama.js';
import { type PredictorCorrectorOptions, predictorCorrector } from './predictor-corrector.js';
import { predictorCorrectorPlugin } from './predictor-corrector-plugin.js';
import { reverseDiffusion } from './reverse-diffusion.js';
import { type GaussianProblem, type Law, affine, gaussianProblem, runProblem, expectMoments, expectChainLaw, expectShrinkingError } from '../testing/gaussian-problem.js';
import { forwardTransition } from './transition.js';

const snr = 0.16;

/**
 * The exact law of the PC chain (noise-level step sizes, reverse-diffusion predictor or none) for
 * a Gaussian target: Langevin x <- x + eps score + sqrt(2 eps) z with eps = 2 alpha snr^2 s^2,
 * then x <- (2 - a) x + v score + sqrt(v) z.
 */
function chainLaw(problem: GaussianProblem, times: Float64Array, correctorSteps: number, predict: boolean): Law {
  const { sde } = problem;
  let law = problem.law(times[0]);
  for (let k = 0; k + 1 < times.length; k++) {
    const [t, next] = [times[k], times[k + 1]];
    const last = k + 2 === times.length;
    const { scale, variance: v } = forwardTransition(sde, next, t);
    const at = predict ? t : next;
    const eps = 2 * scale * scale * snr * snr * sde.marginal(at).std ** 2;
    const target = problem.law(at);
    for (let j = 0; j < correctorSteps; j++) {
      const quiet = last && !predict && j + 1 === correctorSteps;
      law = affine(law, 1 - eps / target.variance, (eps * target.mean) / target.variance, quiet ? 0 : Math.sqrt(2 * eps));
    }
    if (predict) {
      const { mean, variance } = problem.law(t);
      law = affine(law, 2 - scale - v / variance, (v * mean) / variance, last ? 0 : Math.sqrt(v));
    }
  }
  return law;
}

describe('predictorCorrector', () => {
  for (const [beta, predictor] of [[0, 'reverse-diffusion'], [1, 'reverse-diffusion'], [1, 'none']] as const) {
    it(`runs Langevin corrector steps then the predictor, the law of its chain (beta = ${beta}, predictor ${predictor})`, async () => {
      const problem = gaussianProblem({ beta });
      const stage = (options: PredictorCorrectorOptions) => predictorCorrector({ ...options, predictor, correctorSteps: 2, snr });
      await expectChainLaw(problem, stage, (times) => chainLaw(problem, times, 2, predictor !== 'none'));
    });
  }

  it('has an error that shrinks as the number of steps grows', async () => {
    await expectShrinkingError(predictorCorrector);
  });

  it('with per-particle step sizes samples a 32-dimensional Gaussian, where the norms concentrate', async () => {
    const problem = gaussianProblem({ beta: 1, dim: 32 });
    const stage = (options: PredictorCorrectorOptions) => predictorCorrector({ ...options, stepSize: 'per-particle' });
    const { sample } = await runProblem(problem, stage, { steps: 100, n: 2000 });
    const law = problem.law(1e-3);
    // Sampling error plus the first-order bias of 100 steps (std 0.011 too small without corrector, 0.008 too large with).
    expectMoments(sample, law, 0.01);
  });

  it('without corrector takes the predictor steps exactly', async () => {
    const problem = gaussianProblem({ beta: 1 });
    const options = { steps: 10, n: 1000 };
    for (const [predictor, alone] of [['euler-maruyama', eulerMaruyama], ['reverse-diffusion', reverseDiffusion]] as const) {
      const pc = await runProblem(problem, (o) => predictorCorrector({ ...o, name: 'same', predictor, corrector: 'none' }), options);
      const reference = await runProblem(problem, (o) => alone({ ...o, name: 'same' }), options);
      expect(pc.x).toEqual(reference.x);
    }
  });

  it('evaluates the score correctorSteps + 1 times per step (correctorSteps without predictor, 1 without corrector)', async () => {
    const problem = gaussianProblem();
    const nfe = async (options: Partial<PredictorCorrectorOptions>) =>
      (await runProblem(problem, (o) => predictorCorrector({ ...o, ...options }), { steps: 5, n: 100 })).nfe;
    expect(await nfe({})).toBe(10);
    expect(await nfe({ correctorSteps: 3 })).toBe(20);
    expect(await nfe({ predictor: 'none', correctorSteps: 3 })).toBe(15);
    expect(await nfe({ corrector: 'none', correctorSteps: 3 })).toBe(5);
  });

  it('rejects no predictor and no corrector, a snr <= 0 and a fractional correctorSteps', () => {
    const { sde, score } = gaussianProblem();
    const base = { sde, score, rng: {} as never, times: Float64Array.of(1, 0.5) };
    expect(() => predictorCorrector({ ...base, predictor: 'none', corrector: 'none' })).toThrow(/cannot both be 'none'/);
    expect(() => predictorCorrector({ ...base, snr: 0 })).toThrow(/snr must be a positive number/);
    expect(() => predictorCorrector({ ...base, correctorSteps: 1.5 })).toThrow(/correctorSteps must be an integer/);
    expect(() => predictorCorrectorPlugin.options.parse({ score: { type: 'x' }, predictor: 'none', corrector: 'none' })).toThrow(/cannot both be 'none'/);
  });

  it('plugin: defaults to the reverse-diffusion predictor, one Langevin step, snr 0.16, noise-level step sizes', () => {
    expect(predictorCorrectorPlugin.options.parse({ score: { type: 'gaussian-mixture' } })).toMatchObject({
      predictor: 'reverse-diffusion',
      corrector: 'langevin',
      snr: 0.16,
      correctorSteps: 1,
      stepSize: 'noise-level',
      noiseRemoval: true,
    });
  });
});
