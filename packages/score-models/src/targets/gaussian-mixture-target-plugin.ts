import { definePlugin, mixtureFromOptions, mixtureOptions } from '@scoreflow/core';
import { fitRun } from './fit-run.js';
import { mixtureTarget } from './mixture-target.js';

/**
 * `type: gaussian-mixture` (kind `target`): log p and grad log p of a Gaussian mixture, for MCMC
 * (see `mixtureTarget`). Options are core's mixture options, as for the score model of the same
 * name: a `preset` (`double-gaussian`, `eight-gaussians`), or `means` with optional `weights` (equal
 * by default) and `std` (default 1). The mixture's dimension must be the run's.
 */
export const gaussianMixtureTargetPlugin = definePlugin({
  kind: 'target',
  name: 'gaussian-mixture',
  description: 'Gaussian mixture target, exact log density and gradient (preset or means/weights/std)',
  options: mixtureOptions,
  create: (options, ctx) => fitRun(mixtureTarget(mixtureFromOptions(options)), ctx),
});
