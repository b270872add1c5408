import { type DataSource, type PluginContext, checkRunDim } from '@scoreflow/core';

/**
 * Returns `source`, warning on the run's logger when its dimension differs from the run's
 * `dim` (the stages after it are then likely to reject its particles): core's `checkRunDim`.
 */
export function checkedAgainstRunDim(source: DataSource, ctx: PluginContext): DataSource {
  return checkRunDim(source, ctx, `data source '${source.name}'`, 'warning');
}
