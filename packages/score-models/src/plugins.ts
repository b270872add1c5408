import {
  type AnyPlugin,
  checkRunDim,
  definePlugin,
  mixtureFromOptions,
  mixtureOptions,
  requireSde,
} from '@scoreflow/core';
import { empiricalPlugin } from './empirical/empirical-plugin.js';
import { classifierFreeGuidancePlugin, classifierGuidancePlugin, mixtureClassifierPlugin } from './guidance/index.js';
import { mixtureScore } from './mixture/mixture-score.js';
import { posteriorScorePlugin } from './posterior/index.js';

/**
 * `type: gaussian-mixture`: the exact score of a Gaussian mixture under the pipeline's SDE (see
 * `mixtureScore`). Options are core's mixture options: a `preset` (e.g. `double-gaussian`), or
 * `means` with optional `weights` (equal by default) and `std` (default 1; one number, one per
 * component, or one per coordinate). Needs the pipeline's SDE; the mixture's dimension must be
 * the run's.
 */
export const gaussianMixturePlugin = definePlugin({
  kind: 'score-model',
  name: 'gaussian-mixture',
  description: 'Exact score of a Gaussian mixture diffused by the pipeline SDE (preset or means/weights/std)',
  options: mixtureOptions,
  create(options, ctx) {
    const sde = requireSde(ctx, 'a score model');
    return mixtureScore(checkRunDim(mixtureFromOptions(options), ctx, 'the mixture'), sde);
  },
});

/** The score-model plugins of this package, for the runner's registry. */
export const scoreModelPlugins: readonly AnyPlugin[] = [
  gaussianMixturePlugin,
  empiricalPlugin,
  mixtureClassifierPlugin,
  classifierGuidancePlugin,
  classifierFreeGuidancePlugin,
  posteriorScorePlugin,
];
