export {
  type AnyPlugin,
  PLUGIN_KINDS,
  type Plugin,
  type PluginConfig,
  type PluginContext,
  type PluginKind,
  type PluginKinds,
  definePlugin,
} from './plugin.js';
export { type CreateScope, type Registry, createRegistry, pluginConfigSchema } from './registry.js';
export { formatZodIssues } from './format-issues.js';
export { type ParseAllResult, isUnder, parseAll } from './parse-all.js';
export { objectKeysAt } from './schema-keys.js';
export { StandInUsedError, standIn } from './stand-in.js';
