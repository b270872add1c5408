import {
  ConfigError,
  type GaussianMixture,
  type MixtureOptions,
  type PluginContext,
  type Sde,
  checkRunDim,
  mixtureFromOptions,
  mixtureOptionsShape,
  refineMixtureOptions,
  requireSde,
} from '@scoreflow/core';
import { z } from 'zod';
import { type ClassPartition, classPartition } from './class-partition.js';
import { type MixtureClassifier, mixtureClassifier } from './mixture-classifier.js';

/** The options that name an exact mixture with classes: core's mixture options, `classes` and `label`. */
export const classMixtureShape = {
  ...mixtureOptionsShape,
  classes: z.array(z.number().int().min(0)).min(1).optional().describe('the class of each component (default: component k is class k)'),
  label: z.number().int().min(0).optional().describe('the class y to condition on'),
};

/** The guidance scale: w of classifier guidance, gamma of classifier-free guidance (1: the conditional score). */
export const scaleOption = z.number().min(0).default(1);

/** Options with a class mixture (`classMixtureShape`). */
export interface ClassMixtureOptions extends MixtureOptions {
  classes?: number[];
  label?: number;
}

/**
 * Checks the two forms of a guidance plugin: either the nested score-model configs `nested` (and
 * none of the mixture options), or an exact mixture with its `label` (and no nested config).
 */
export function refineGuidanceForm(nested: readonly [string, string]) {
  return (options: ClassMixtureOptions & Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const given = nested.filter((key) => options[key] !== undefined);
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: options[path] });
    if (given.length > 0) {
      for (const key of nested) if (options[key] === undefined) issue(key, `required with ${given[0]} (a score-model config, e.g. { type: network, checkpoint: DIR })`);
      for (const key of ['preset', 'means', 'weights', 'std', 'classes', 'label']) {
        if (options[key] !== undefined) issue(key, `cannot be combined with ${nested.join(' and ')} (give either those, or an exact mixture with its label)`);
      }
      return;
    }
    refineMixtureOptions(options, ctx);
    if (options.label === undefined) issue('label', `required with an exact mixture: the class to condition on (or give ${nested.join(' and ')})`);
  };
}

/** What `exactClassMixture` makes: the mixture, its classes and its exact noisy classifier. */
export interface ExactClassMixture {
  readonly mixture: GaussianMixture;
  readonly partition: ClassPartition;
  readonly classifier: MixtureClassifier;
  readonly label: number;
  /** The pipeline's SDE. */
  readonly sde: Sde;
}

const at = (ctx: PluginContext, field: string) => (ctx.path === '' ? field : `${ctx.path}.${field}`);

/**
 * The exact mixture, classes, classifier and label that validated options name, under the
 * pipeline's SDE; a `ConfigError` at `PATH.classes` or `PATH.label` when they do not fit the
 * mixture, at the plugin's path for a dimension that is not the run's or a missing SDE.
 */
export function exactClassMixture(options: ClassMixtureOptions, ctx: PluginContext): ExactClassMixture {
  const sde = requireSde(ctx, 'a score model');
  const mixture = checkRunDim(mixtureFromOptions(options), ctx, 'the mixture');
  const fail = (field: string, message: string): never => {
    throw new ConfigError(`Invalid classes of the mixture at ${ctx.path || '(root)'}`, [{ path: at(ctx, field), message }]);
  };
  let partition: ClassPartition;
  try {
    partition = classPartition(mixture, options.classes);
  } catch {
    return fail('classes', `expected one class per component (${mixture.components}) using every label from 0 up, got [${options.classes?.join(', ')}]`);
  }
  const label = options.label ?? 0;
  if (label >= partition.classes) fail('label', `expected a class in 0 .. ${partition.classes - 1} (the mixture has ${partition.classes} classes), got ${label}`);
  return { mixture, partition, label, sde, classifier: mixtureClassifier(mixture, sde, { classes: partition.classOf }) };
}
