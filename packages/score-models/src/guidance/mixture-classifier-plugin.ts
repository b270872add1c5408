import { definePlugin, mixtureOptionsShape, refineMixtureOptions } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureClassifierScore } from './classifier-score.js';
import { classMixtureShape, exactClassMixture } from './guidance-options.js';

/** Options of `mixture-classifier`: core's mixture options, `classes` and a required `label`. */
const mixtureClassifierOptions = z
  .strictObject({ ...mixtureOptionsShape, classes: classMixtureShape.classes, label: z.number().int().min(0).describe('the class y') })
  .superRefine(refineMixtureOptions);

/**
 * `type: mixture-classifier`: grad_x log p_t(y | x) of the exact noisy classifier of a Gaussian
 * mixture (`mixtureClassifier`), as a score model: the `classifier` of `classifier-guidance`.
 *
 * @example
 * // config: { type: 'mixture-classifier', preset: 'eight-gaussians', label: 3 }
 */
export const mixtureClassifierPlugin = definePlugin({
  kind: 'score-model',
  name: 'mixture-classifier',
  description: "Gradient of the exact noisy classifier log p_t(y | x) of a Gaussian mixture (a component's class is its label)",
  options: mixtureClassifierOptions,
  create(options, ctx) {
    const { classifier, label } = exactClassMixture(options, ctx);
    return mixtureClassifierScore(classifier, label);
  },
});
