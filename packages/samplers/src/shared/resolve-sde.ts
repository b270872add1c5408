import { ConfigError, type PluginConfig, type PluginContext, type Sde } from '@scoreflow/core';

/** The SDE a stage uses: its own `sde` option, else the pipeline's; a `ConfigError` if neither exists. */
export function resolveSde(config: PluginConfig | undefined, ctx: PluginContext): Sde {
  if (config !== undefined) return ctx.create('sde', config, `${ctx.path}.sde`);
  if (ctx.sde !== undefined) return ctx.sde;
  throw new ConfigError(`Stage at ${ctx.path} needs an SDE`, [
    { path: `${ctx.path}.sde`, message: 'no SDE given: set `sde` at the top of the config or on this stage' },
  ]);
}
