import { atConfigPath, checkRunDim, definePlugin, requireSde } from '@scoreflow/core';
import { posteriorFromOptions, posteriorOptions } from './posterior-options.js';
import { covarianceMixtureScore } from './posterior-score.js';
import { covarianceMixtureTarget } from './posterior-target.js';

/**
 * `type: posterior` (kind `score-model`): the exact score of a Gaussian mixture's posterior given
 * y = A x + N(0, sigma^2 I), diffused by the pipeline's SDE (`covarianceMixtureScore` of core's
 * `mixturePosterior`). Options: the prior as core's mixture options and `observation: { A, y, sigma }`;
 * inpainting x1 = a is `observation: { A: [[1, 0]], y: [a] }`.
 */
export const posteriorScorePlugin = definePlugin({
  kind: 'score-model',
  name: 'posterior',
  description: 'Exact score of a Gaussian mixture given y = A x + N(0, sigma^2 I) (Kalman update per component), diffused by the pipeline SDE',
  options: posteriorOptions,
  create(options, ctx) {
    const sde = requireSde(ctx, 'a score model');
    return covarianceMixtureScore(checkRunDim(atConfigPath(ctx.path, () => posteriorFromOptions(options)), ctx, 'the posterior'), sde);
  },
});

/**
 * `type: posterior` (kind `target`): the same posterior as an MCMC target (needs
 * `observation.sigma` > 0: a noise-free observation leaves no density to sample).
 */
export const posteriorTargetPlugin = definePlugin({
  kind: 'target',
  name: 'posterior',
  description: 'Gaussian mixture given y = A x + N(0, sigma^2 I), sigma > 0: exact log density and gradient',
  options: posteriorOptions,
  create: (options, ctx) => checkRunDim(atConfigPath(ctx.path, () => covarianceMixtureTarget(posteriorFromOptions(options))), ctx, 'the posterior target'),
});
