import { ConfigError, type PluginContext, type Target } from '@scoreflow/core';

/**
 * Returns `target` if its dimension is the run's; else throws a `ConfigError` at the plugin's
 * config path, e.g. "the banana target has dimension 2, the run's particles have dimension 3".
 */
export function fitRun(target: Target, ctx: PluginContext): Target {
  if (target.dim !== ctx.run.dim) {
    throw new ConfigError(`Target '${target.name}' at ${ctx.path === '' ? '(root)' : ctx.path} does not fit the run`, [
      { path: ctx.path, message: `the ${target.name} target has dimension ${target.dim}, the run's particles have dimension ${ctx.run.dim}` },
    ]);
  }
  return target;
}
