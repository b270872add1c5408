import { describe, expect, it } from 'vitest';
import { eulerMaruyama } from './euler-maruyama.js';
import { reverseDiffusion } from './reverse-diffusion.js';
import { reverseDiffusionPlugin } from './reverse-diffusion-plugin.js';
import { type GaussianProblem, type Law, affine, gaussianProblem, runProblem, expectChainLaw, expectShrinkingError } from '../testing/gaussian-problem.js';
import { forwardTransition } from './transition.js';

/** The exact law of the reverse-diffusion chain for a Gaussian target: every step is affine in x. */
function chainLaw(problem: GaussianProblem, times: Float64Array): Law {
  let law = problem.law(times[0]);
  for (let k = 0; k + 1 < times.length; k++) {
    const { mean, variance } = problem.law(times[k]);
    const { scale, variance: v } = forwardTransition(problem.sde, times[k + 1], times[k]);
    // x <- (2 - a) x + v score + sqrt(v) z, score = -(x - mean) / variance; no noise at the end.
    law = affine(law, 2 - scale - v / variance, (v * mean) / variance, k + 2 === times.length ? 0 : Math.sqrt(v));
  }
  return law;
}

describe('reverseDiffusion', () => {
  for (const beta of [0, 1]) {
    it(`follows x <- (2 - a) x + v score + sqrt(v) z, the law of its chain (beta = ${beta})`, async () => {
      const problem = gaussianProblem({ beta });
      await expectChainLaw(problem, reverseDiffusion, (times) => chainLaw(problem, times));
    });
  }

  it('has an error that shrinks as the number of steps grows', async () => {
    await expectShrinkingError(reverseDiffusion);
  });

  for (const linear of [true, false]) {
    it(`with discretization euler takes Euler-Maruyama's steps exactly (${linear ? 'linear' : 'general'} drift)`, async () => {
      const problem = gaussianProblem({ beta: 1, linear });
      const options = { steps: 10, n: 1000 };
      const euler = await runProblem(problem, (o) => reverseDiffusion({ ...o, name: 'same', discretization: 'euler' }), options);
      const reference = await runProblem(problem, (o) => eulerMaruyama({ ...o, name: 'same' }), options);
      expect(euler.x).toEqual(reference.x);
    });
  }

  it('evaluates the score once per step', async () => {
    const { nfe } = await runProblem(gaussianProblem(), reverseDiffusion, { steps: 7, n: 100 });
    expect(nfe).toBe(7);
  });

  it('plugin: defaults to 500 steps, the marginal discretisation and a last step without noise', () => {
    const options = reverseDiffusionPlugin.options.parse({ score: { type: 'gaussian-mixture' } });
    expect(options).toMatchObject({ steps: 500, discretization: 'marginal', noiseRemoval: true, tEnd: 1e-3 });
    expect(() => reverseDiffusionPlugin.options.parse({ score: { type: 'x' }, discretization: 'heun' })).toThrow();
  });
});
