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
