import { mixtureFromOptions, mixtureOptions } from '@scoreflow/core';
import { mixtureTarget } from './mixture-target.js';
import { targetPlugin } from './target-plugin.js';

/**
 * `type: gaussian-mixture` (kind `target`): log p and grad log p of a Gaussian mixture, for MCMC
 * (see `mixtureTarget`). Options are core's mixture options, as for the score model of the same
 * name: a `preset` (`double-gaussian`, `eight-gaussians`), or `means` with optional `weights` (equal
 * by default) and `std` (default 1). The mixture's dimension must be the run's.
 */
export const gaussianMixtureTargetPlugin = targetPlugin({
  name: 'gaussian-mixture',
  description: 'Gaussian mixture target, exact log density and gradient (preset or means/weights/std)',
  options: mixtureOptions,
  make: (options) => mixtureTarget(mixtureFromOptions(options)),
});
