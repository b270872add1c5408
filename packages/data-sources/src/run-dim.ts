import type { DataSource, PluginContext } from '@scoreflow/core';

/**
 * Returns `source`, warning on the run's logger when its dimension differs from the run's
 * `dim` (the stages after it are then likely to reject its particles).
 */
export function checkedAgainstRunDim(source: DataSource, ctx: PluginContext): DataSource {
  if (source.dim !== ctx.run.dim) {
    ctx.run.logger.warn(
      `${ctx.path || '(root)'}: data source '${source.name}' produces ${source.dim}-dimensional particles, but the run's dim is ${ctx.run.dim}.`,
    );
  }
  return source;
}
