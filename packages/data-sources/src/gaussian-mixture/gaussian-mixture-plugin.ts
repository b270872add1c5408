import { definePlugin, mixtureFromOptions, mixtureOptions } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../run-dim.js';
import { gaussianMixtureSource } from './gaussian-mixture-source.js';

/**
 * Data source `gaussian-mixture`: exact samples of a Gaussian mixture, the component in the
 * `label` column. Options are core's mixture options: a `preset` (e.g. `double-gaussian`), or
 * `means` with optional `weights` (equal by default) and `std` (1 by default; one number, one
 * per component, or one per coordinate of each component).
 *
 * @example
 * // config: { type: 'gaussian-mixture', preset: 'double-gaussian' }
 * // config: { type: 'gaussian-mixture', means: [[-1, 0], [1, 0]], weights: [1, 3], std: 0.2 }
 */
export const gaussianMixturePlugin = definePlugin({
  kind: 'data-source',
  name: 'gaussian-mixture',
  description: 'Exact samples of a Gaussian mixture (a preset or means, weights, std); the component is the label.',
  options: mixtureOptions,
  create: (options, ctx) => checkedAgainstRunDim(gaussianMixtureSource(mixtureFromOptions(options)), ctx),
});
