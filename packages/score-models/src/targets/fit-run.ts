import { type PluginContext, type Target, checkRunDim } from '@scoreflow/core';

/**
 * Returns `target` if its dimension is the run's; else throws a `ConfigError` at the plugin's
 * config path, e.g. "the banana target has dimension 2, the run's particles have dimension 3".
 */
export function fitRun(target: Target, ctx: PluginContext): Target {
  return checkRunDim(target, ctx, `the ${target.name} target`);
}
