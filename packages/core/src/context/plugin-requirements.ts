import { ConfigError } from '../errors/config-error.js';
import type { Sde } from '../contracts/sde.js';
import type { PluginContext } from '../plugins/plugin.js';

const where = (ctx: PluginContext) => (ctx.path === '' ? '(root)' : ctx.path);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The pipeline's SDE for a plugin that needs one (a score model, the prior, a sampler); else a
 * `ConfigError` at `path` (the plugin's by default) saying that `what` needs an SDE and where to
 * set it. `what` names the plugin in a sentence: "a score model", "the 'prior' data source".
 *
 * @example
 * const sde = requireSde(ctx, 'a score model');
 */
export function requireSde(ctx: PluginContext, what: string, path = ctx.path): Sde {
  if (ctx.sde !== undefined) return ctx.sde;
  throw new ConfigError(`${capitalised(what)} at ${where(ctx)} needs an SDE`, [
    { path, message: `${what} needs an SDE: set \`sde\` at the top of the config (e.g. { type: vp })` },
  ]);
}

/** Something of a dimension that should be the run's: a data source, a score model, a target. */
export interface Dimensioned {
  readonly dim: number;
}

/**
 * Returns `made` when its dimension is the run's. Else, as `severity` says, a `ConfigError` at
 * `path` (the plugin's by default) or a warning on the run's logger, both saying, e.g., "data
 * source 'csv' has dimension 3, the run's particles have dimension 2". Data sources warn (the
 * runner checks the source against the config's `dim` itself); score models and targets throw.
 */
export function checkRunDim<T extends Dimensioned>(made: T, ctx: PluginContext, what: string, severity: 'error' | 'warning' = 'error', path = ctx.path): T {
  if (made.dim === ctx.run.dim) return made;
  const message = `${what} has dimension ${made.dim}, the run's particles have dimension ${ctx.run.dim}`;
  if (severity === 'warning') ctx.run.logger.warn(`${where(ctx)}: ${message}.`);
  else throw new ConfigError(`${capitalised(what)} at ${where(ctx)} does not fit the run`, [{ path, message }]);
  return made;
}
