import { z } from 'zod';
import type { Sde } from '../contracts/sde.js';
import type { RunContext } from '../context/run-context.js';
import { ConfigError } from '../errors/config-error.js';
import { DuplicatePluginError, UnknownPluginError } from '../errors/plugin-errors.js';
import { formatZodIssues } from './format-issues.js';
import {
  type AnyPlugin,
  PLUGIN_KINDS,
  type PluginConfig,
  type PluginContext,
  type PluginKind,
  type PluginKinds,
} from './plugin.js';

/** The plugins of a run, by kind and name. */
export interface Registry {
  /** Every plugin of one kind (or of all kinds), sorted by name. */
  list(kind?: PluginKind): readonly AnyPlugin[];
  /** The plugin of that kind and name; throws `UnknownPluginError` listing the names that exist. */
  get(kind: PluginKind, name: string, path?: string): AnyPlugin;
  /** Validates `config` against the plugin's options; throws `ConfigError` naming each bad field. */
  parse(kind: PluginKind, config: unknown, path: string): { plugin: AnyPlugin; options: unknown };
  /** Validates `config` and creates the plugin. */
  create<K extends PluginKind>(kind: K, config: unknown, scope: CreateScope): PluginKinds[K];
}

/** What `Registry.create` needs besides the config. */
export interface CreateScope {
  readonly run: RunContext;
  readonly sde?: Sde;
  /** Where the config sits, e.g. `pipeline.0`. */
  readonly path: string;
  /** Told of every plugin created (nested ones too) with its options after defaults: a resolved config. */
  readonly onResolved?: (path: string, config: PluginConfig) => void;
}

/** The shape every plugin config has: an object with a string `type`. */
export const pluginConfigSchema = z.looseObject({ type: z.string() });

/**
 * Builds a registry from lists of plugins (each package exports one). A second plugin with the
 * same kind and name throws `DuplicatePluginError`.
 */
export function createRegistry(...lists: Iterable<AnyPlugin>[]): Registry {
  const byKind = new Map<PluginKind, Map<string, AnyPlugin>>(PLUGIN_KINDS.map((kind) => [kind, new Map()]));
  for (const list of lists) {
    for (const plugin of list) {
      const plugins = byKind.get(plugin.kind);
      if (plugins === undefined) throw new TypeError(`createRegistry: unknown plugin kind '${plugin.kind}'.`);
      if (plugins.has(plugin.name)) throw new DuplicatePluginError(plugin.kind, plugin.name);
      plugins.set(plugin.name, plugin);
    }
  }

  const sorted = (kind: PluginKind) => [...(byKind.get(kind)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const registry: Registry = {
    list: (kind) => (kind === undefined ? PLUGIN_KINDS.flatMap(sorted) : sorted(kind)),

    get(kind, name, path = 'type') {
      const plugin = byKind.get(kind)?.get(name);
      if (plugin === undefined) throw new UnknownPluginError(kind, name, sorted(kind).map((p) => p.name), path);
      return plugin;
    },

    parse(kind, config, path) {
      const head = pluginConfigSchema.safeParse(config, { reportInput: true });
      if (!head.success) {
        throw new ConfigError(`Invalid ${kind} config at ${path || '(root)'}`, formatZodIssues(head.error.issues, path));
      }
      const { type, ...rest } = head.data;
      const plugin = registry.get(kind, type, path === '' ? 'type' : `${path}.type`);
      const options = plugin.options.safeParse(rest, { reportInput: true });
      if (!options.success) {
        throw new ConfigError(`Invalid options for ${kind} '${type}' at ${path || '(root)'}`, formatZodIssues(options.error.issues, path));
      }
      return { plugin, options: options.data };
    },

    create<K extends PluginKind>(kind: K, config: unknown, scope: CreateScope): PluginKinds[K] {
      const { plugin, options } = registry.parse(kind, config, scope.path);
      scope.onResolved?.(scope.path, { type: plugin.name, ...(options as object) });
      const ctx: PluginContext = {
        run: scope.run,
        sde: scope.sde,
        path: scope.path,
        create: (nestedKind, nestedConfig: PluginConfig, path, sde) =>
          registry.create(nestedKind, nestedConfig, { ...scope, sde: sde ?? scope.sde, path }),
      };
      return plugin.create(options, ctx) as PluginKinds[K];
    },
  };
  return registry;
}
