import { z } from 'zod';
import { type GaussianMixture, gaussianMixture } from './gaussian-mixture.js';
import { MIXTURE_PRESETS, MIXTURE_PRESET_NAMES } from './presets.js';

const positive = z.number().positive();

/**
 * Options that name a Gaussian mixture in a config: a `preset`, or `means` with optional
 * `weights` and `std` (one number, one per component, or one per coordinate of each component).
 * Shared by every plugin that takes a mixture, so that configs read the same everywhere.
 */
export const mixtureOptionsShape = {
  preset: z.enum(MIXTURE_PRESET_NAMES as [string, ...string[]]).optional(),
  weights: z.array(positive).min(1).optional(),
  means: z.array(z.array(z.number()).min(1)).min(1).optional(),
  std: z.union([positive, z.array(positive), z.array(z.array(positive))]).optional(),
};

export type MixtureOptions = {
  preset?: string;
  weights?: number[];
  means?: number[][];
  std?: number | number[] | number[][];
};

/** Adds the cross-field checks (preset xor means, matching lengths) to a schema with `mixtureOptionsShape`. */
export function refineMixtureOptions(options: MixtureOptions, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: (options as Record<string, unknown>)[path] });
  if (options.preset !== undefined) {
    for (const field of ['weights', 'means', 'std'] as const) {
      if (options[field] !== undefined) issue(field, `cannot be combined with preset '${options.preset}'`);
    }
    return;
  }
  if (options.means === undefined) {
    issue('means', `required unless a preset is given (presets: ${MIXTURE_PRESET_NAMES.join(', ')})`);
    return;
  }
  const components = options.means.length;
  const dim = options.means[0].length;
  options.means.forEach((mean, k) => {
    if (mean.length !== dim) ctx.addIssue({ code: 'custom', path: ['means', k], message: `expected ${dim} coordinates like means[0]`, input: mean });
  });
  if (options.weights !== undefined && options.weights.length !== components) {
    issue('weights', `expected ${components} weights, one per mean`);
  }
  const std = options.std;
  if (Array.isArray(std)) {
    if (std.length !== components) issue('std', `expected one entry per component (${components})`);
    std.forEach((entry, k) => {
      if (Array.isArray(entry) && entry.length !== dim) {
        ctx.addIssue({ code: 'custom', path: ['std', k], message: `expected ${dim} standard deviations`, input: entry });
      }
    });
  }
}

/** The mixture that validated options name (std defaults to 1). */
export function mixtureFromOptions(options: MixtureOptions): GaussianMixture {
  if (options.preset !== undefined) return MIXTURE_PRESETS[options.preset as keyof typeof MIXTURE_PRESETS]();
  return gaussianMixture({ weights: options.weights, means: options.means ?? [], std: options.std ?? 1 });
}

/** A zod schema for mixture options alone, e.g. `mixtureOptions.parse({ preset: 'double-gaussian' })`. */
export const mixtureOptions = z.strictObject(mixtureOptionsShape).superRefine(refineMixtureOptions);
