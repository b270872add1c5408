import { ConfigError, type PluginConfig, type PluginContext, type PluginKind, type PluginKinds, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { COLOUR_MAP_NAMES, type ColourMapName } from '../colour/colour-map.js';

/** `file`: a file name in the output folder ending in `.png` or `.gif` (no folders). */
export const fileOption = (extension: 'png' | 'gif') =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.${extension}$`), `a file name ending in .${extension} (letters, digits, ".", "_", "-"; no folders)`)
    .describe(`file written in the output folder (.${extension})`);

const size = (what: string) => z.number().int().min(64).max(4096).optional().describe(`${what} in pixels`);

/** `width`, `height` and `title`, which every figure has. */
export const commonOptions = { width: size('figure width'), height: size('figure height'), title: z.string().optional().describe('title; one is made up by default') };

/** `stage`: which pipeline stage, from 0. */
export const stageOption = z.number().int().min(0).default(0).describe('pipeline stage (0 = the first; the source when the pipeline is empty)');

/** `step`: "last" or a step number. */
export const stepOption = z.union([z.literal('last'), z.number().int()], { error: 'expected "last" or a step number' }).default('last');

/** `xDomain` / `yDomain`: an axis range [lo, hi]. */
export const domainOption = (axis: string) =>
  z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo < hi, 'expected [lo, hi] with lo < hi')
    .optional()
    .describe(`${axis} axis range [lo, hi]; from the data by default`);

/** `xDomain`, `yDomain` and the `commonOptions`: the options every planar figure (drawn on x-y axes) ends with. */
export const planarOptions = { xDomain: domainOption('x'), yDomain: domainOption('y'), ...commonOptions };

/**
 * `frames`, `delay` and `lastDelay`: how an animated figure (a GIF) picks its frames from a
 * stage's snapshots (`spreadFrames`) and how long each stays.
 */
export const animationOptions = {
  frames: z.number().int().min(2).max(1000).default(60).describe('at most this many frames, evenly spread over the snapshots (first and last included)'),
  delay: z.number().int().min(10).max(10_000).default(80).describe('milliseconds per frame'),
  lastDelay: z.number().int().min(10).max(60_000).default(1500).describe('milliseconds the last frame stays'),
};

/** A colour map name of the viz package. */
export const mapOption = () => z.enum(COLOUR_MAP_NAMES as [ColourMapName, ...ColourMapName[]]);

/** `colour`: colour points by label, `auto` when the particles have labels. */
export const colourOption = z.enum(['auto', 'label', 'none']).default('auto').describe('colour points by label (auto: when the particles have labels)');

/** A nested plugin config (a target, a score model), created through the registry. */
export const nestedPluginOption = pluginConfigSchema;

/** Creates the nested plugin that the figure's option `field` names (at `<path>.<field>`), or nothing when it names none. */
export function createNested<K extends PluginKind>(ctx: PluginContext, kind: K, config: PluginConfig | undefined, field: string): PluginKinds[K] | undefined {
  return config === undefined ? undefined : ctx.create(kind, config, `${ctx.path}.${field}`);
}

/** Throws a `ConfigError` at `figures.N.type` when the particles have fewer than two coordinates. */
export function checkPlanar(ctx: PluginContext, type: string): void {
  if (ctx.run.dim < 2) throw new ConfigError('Invalid figure', [{ path: `${ctx.path}.type`, message: `a ${type} figure draws two coordinates, but the particles have dimension ${ctx.run.dim}` }]);
}
