import { type PluginConfig, type PluginContext, type Sde, requireSde } from '@scoreflow/core';

/** The SDE a stage uses: its own `sde` option, else the pipeline's; a `ConfigError` (`requireSde`) if neither exists. */
export function resolveSde(config: PluginConfig | undefined, ctx: PluginContext): Sde {
  if (config !== undefined) return ctx.create('sde', config, `${ctx.path}.sde`);
  return requireSde(ctx, 'a sampler (or its own `sde` option)', `${ctx.path}.sde`);
}
