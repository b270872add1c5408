import { definePlugin, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureScore } from '../mixture/mixture-score.js';
import { mixtureClassifierScore } from './classifier-score.js';
import { classifierGuidance } from './guided-scores.js';
import { classMixtureShape, exactClassMixture, refineGuidanceForm, scaleOption } from './guidance-options.js';

/** Options of `classifier-guidance`: `scale` w, and an exact mixture with `label`, or `score` and `classifier` configs. */
const classifierGuidanceOptions = z
  .strictObject({
    scale: scaleOption.describe('w in s + w grad log p_t(y | x); 1 is the conditional score'),
    ...classMixtureShape,
    score: pluginConfigSchema.optional().describe('the score model to guide'),
    classifier: pluginConfigSchema.optional().describe('grad log p_t(y | x) as a score model (mixture-classifier, network-classifier)'),
  })
  .superRefine(refineGuidanceForm(['score', 'classifier']));

/**
 * `type: classifier-guidance`: s(x, t) + w grad_x log p_t(y | x) (Dhariwal & Nichol 2021). Either
 * an exact mixture (core's mixture options, `classes`, `label`): the mixture's score guided by its
 * exact classifier, where w = 1 is the exact conditional score; or any `score` guided by any
 * `classifier` config (a learned noisy classifier for a learned score).
 *
 * @example
 * // config: { type: 'classifier-guidance', preset: 'eight-gaussians', label: 3, scale: 4 }
 */
export const classifierGuidancePlugin = definePlugin({
  kind: 'score-model',
  name: 'classifier-guidance',
  description: 'Classifier guidance s + w grad log p_t(y | x): an exact mixture with its label, or a score and a classifier',
  options: classifierGuidanceOptions,
  create(options, ctx) {
    if (options.score !== undefined && options.classifier !== undefined) {
      const score = ctx.create('score-model', options.score, `${ctx.path}.score`);
      const classifier = ctx.create('score-model', options.classifier, `${ctx.path}.classifier`);
      return classifierGuidance(score, classifier, options.scale);
    }
    const { mixture, classifier, label, sde } = exactClassMixture(options, ctx);
    return classifierGuidance(mixtureScore(mixture, sde), mixtureClassifierScore(classifier, label), options.scale);
  },
});
