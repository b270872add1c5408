import { definePlugin, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureScore } from '../mixture/mixture-score.js';
import { classMixture } from './class-partition.js';
import { classifierFreeGuidance } from './guided-scores.js';
import { classMixtureShape, exactClassMixture, refineGuidanceForm, scaleOption } from './guidance-options.js';

/** Options of `classifier-free-guidance`: `scale` gamma, and an exact mixture with `label`, or two score configs. */
const classifierFreeGuidanceOptions = z
  .strictObject({
    scale: scaleOption.describe('gamma in s_u + gamma (s_c - s_u); 1 is the conditional score, 0 the unconditional'),
    ...classMixtureShape,
    conditional: pluginConfigSchema.optional().describe('the conditional score s_c (e.g. a network with label)'),
    unconditional: pluginConfigSchema.optional().describe('the unconditional score s_u (e.g. the same network without label)'),
  })
  .superRefine(refineGuidanceForm(['conditional', 'unconditional']));

/**
 * `type: classifier-free-guidance`: s_u + gamma (s_c - s_u) (Ho & Salimans 2022, with gamma their
 * w + 1 and diffusers' `guidance_scale`). Either an exact mixture with `label` (s_u its score, s_c
 * the score of class y's components: with these exact parts it equals `classifier-guidance` with
 * w = gamma point for point), or `conditional` and `unconditional` score-model configs (a network
 * trained with a null label, with and without `label`).
 *
 * @example
 * // config: { type: 'classifier-free-guidance', scale: 3,
 * //           conditional: { type: 'network', checkpoint: 'out/t/checkpoint', label: 2 },
 * //           unconditional: { type: 'network', checkpoint: 'out/t/checkpoint' } }
 */
export const classifierFreeGuidancePlugin = definePlugin({
  kind: 'score-model',
  name: 'classifier-free-guidance',
  description: 'Classifier-free guidance s_u + gamma (s_c - s_u): an exact mixture with its label, or conditional and unconditional scores',
  options: classifierFreeGuidanceOptions,
  create(options, ctx) {
    if (options.conditional !== undefined && options.unconditional !== undefined) {
      const unconditional = ctx.create('score-model', options.unconditional, `${ctx.path}.unconditional`);
      const conditional = ctx.create('score-model', options.conditional, `${ctx.path}.conditional`);
      return classifierFreeGuidance(unconditional, conditional, options.scale);
    }
    const { mixture, partition, label, sde } = exactClassMixture(options, ctx);
    const conditional = mixtureScore(classMixture(mixture, partition, label), sde);
    return classifierFreeGuidance(mixtureScore(mixture, sde), conditional, options.scale);
  },
});
