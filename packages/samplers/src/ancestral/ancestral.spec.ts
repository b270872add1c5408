import { describe, expect, it } from 'vitest';
import { linearSde } from '../testing/linear-sde.js';
import { ancestral } from './ancestral.js';
import { ancestralPlugin } from './ancestral-plugin.js';
import { gaussianPosterior } from './gaussian-posterior.js';
import { type GaussianProblem, type Law, affine, gaussianProblem, runProblem, expectChainLaw, expectShrinkingError } from '../testing/gaussian-problem.js';

/** The exact law of the ancestral chain for a Gaussian target: x0_hat and every step are affine in x. */
function chainLaw(problem: GaussianProblem, times: Float64Array): Law {
  let law = problem.law(times[0]);
  for (let k = 0; k + 1 < times.length; k++) {
    const { mean: m, std: s } = problem.sde.marginal(times[k]);
    const { mean, variance } = problem.law(times[k]);
    const { coefXt, coefX0, std } = gaussianPosterior({ mean: m, std: s }, problem.sde.marginal(times[k + 1]));
    // x0_hat = (x + s^2 score) / m with score = -(x - mean) / variance.
    const x0Scale = (1 - (s * s) / variance) / m;
    const x0Shift = (s * s * mean) / variance / m;
    law = affine(law, coefXt + coefX0 * x0Scale, coefX0 * x0Shift, k + 2 === times.length ? 0 : std);
  }
  return law;
}

describe('gaussianPosterior', () => {
  // dx = -x/2 dt + dW: m^2 = alpha-bar, s^2 = 1 - alpha-bar, as DDPM in continuous time.
  const vpLike = linearSde({ beta: 1 });
  for (const [t, before] of [[0.5, 0.4], [2, 0.01], [0.02, 0.019]]) {
    it(`is DDPM's mu-tilde and beta-tilde for a VP SDE (t = ${t}, t' = ${before})`, () => {
      const alphaBar = vpLike.marginal(t).mean ** 2;
      const alphaBarBefore = vpLike.marginal(before).mean ** 2;
      const alpha = alphaBar / alphaBarBefore;
      const beta = 1 - alpha;
      const { coefXt, coefX0, std } = gaussianPosterior(vpLike.marginal(t), vpLike.marginal(before));
      expect(coefX0).toBeCloseTo((Math.sqrt(alphaBarBefore) * beta) / (1 - alphaBar), 12);
      expect(coefXt).toBeCloseTo((Math.sqrt(alpha) * (1 - alphaBarBefore)) / (1 - alphaBar), 12);
      expect(std ** 2).toBeCloseTo(((1 - alphaBarBefore) / (1 - alphaBar)) * beta, 12);
    });
  }

  it("is score_sde's VE ancestral step for m = 1: mean x + (sigma^2 - sigma'^2) score", () => {
    const veLike = linearSde({ beta: 0, g: 3 });
    const [t, before] = [0.8, 0.3];
    const { std: sigma } = veLike.marginal(t);
    const { std: sigmaBefore } = veLike.marginal(before);
    const { coefXt, coefX0, std } = gaussianPosterior(veLike.marginal(t), veLike.marginal(before));
    expect(std ** 2).toBeCloseTo((sigmaBefore ** 2 * (sigma ** 2 - sigmaBefore ** 2)) / sigma ** 2, 12);
    // With x0_hat = x + sigma^2 score (Tweedie), coefXt x + coefX0 x0_hat = x + (sigma^2 - sigma'^2) score.
    const [x, score] = [0.7, -1.3];
    expect(coefXt * x + coefX0 * (x + sigma ** 2 * score)).toBeCloseTo(x + (sigma ** 2 - sigmaBefore ** 2) * score, 12);
  });

  it("has the mean (x + v score) / a with Tweedie's x0_hat, for any linear SDE", () => {
    const sde = linearSde({ beta: 2, g: 0.7 });
    const [t, before] = [1.1, 0.6];
    const at = sde.marginal(t);
    const previous = sde.marginal(before);
    const a = at.mean / previous.mean;
    const v = at.std ** 2 - a * a * previous.std ** 2;
    const { coefXt, coefX0 } = gaussianPosterior(at, previous);
    const [x, score] = [-0.4, 2.1];
    expect(coefXt * x + coefX0 * ((x + at.std ** 2 * score) / at.mean)).toBeCloseTo((x + v * score) / a, 12);
  });

  it('returns x_0 itself at t\' = 0', () => {
    const sde = linearSde({ beta: 1 });
    expect(gaussianPosterior(sde.marginal(0.3), sde.marginal(0))).toEqual({ coefXt: 0, coefX0: 1, std: 0 });
  });
});

describe('ancestral', () => {
  for (const beta of [0, 1]) {
    it(`draws from the posterior at Tweedie's x0 estimate, the law of its chain (beta = ${beta})`, async () => {
      const problem = gaussianProblem({ beta });
      await expectChainLaw(problem, ancestral, (times) => chainLaw(problem, times));
    });
  }

  it('has an error that shrinks as the number of steps grows', async () => {
    await expectShrinkingError(ancestral);
  });

  it('evaluates the score once per step', async () => {
    const { nfe } = await runProblem(gaussianProblem(), ancestral, { steps: 6, n: 100 });
    expect(nfe).toBe(6);
  });

  it('plugin: defaults to 500 steps and a last step without noise', () => {
    expect(ancestralPlugin.options.parse({ score: { type: 'gaussian-mixture' } })).toMatchObject({ steps: 500, noiseRemoval: true });
  });
});
