import { z } from 'zod';
import type { Sde } from '../contracts/sde.js';
import type { RunContext } from '../context/run-context.js';
import { ConfigError, type ConfigIssue } from '../errors/config-error.js';
import { DuplicatePluginError, UnknownPluginError } from '../errors/plugin-errors.js';
import { ScoreflowError } from '../errors/scoreflow-error.js';
import { parseAll } from './parse-all.js';
import { StandInUsedError, standIn } from './stand-in.js';
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
  /** Validates `config` against the plugin's options; throws `ConfigError` naming every bad field. */
  parse(kind: PluginKind, config: unknown, path: string): { plugin: AnyPlugin; options: unknown };
  /**
   * Validates `config` and creates the plugin, with the plugins it creates in turn. Every problem
   * of the tree is reported at once: the one error found as it is (a `ConfigError`, or the
   * `ScoreflowError` or `RangeError` a plugin's `create` threw, e.g. a missing data file), or a
   * `ConfigError` listing them all, each error a plugin threw as an issue at the plugin's path.
   */
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

const where = (path: string) => path || '(root)';

/** A problem found while creating plugins: the error, and its issues (one at the plugin's path for an error that has none). */
interface Problem {
  readonly error: Error;
  readonly issues: readonly ConfigIssue[];
}

const configProblem = (error: ConfigError): Problem => ({ error, issues: error.issues });

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

  /** The plugin of that kind and name, or the `UnknownPluginError` (listing the names there are, at `path`) that `get` throws. */
  const lookup = (kind: PluginKind, name: string, path: string): AnyPlugin | UnknownPluginError =>
    byKind.get(kind)?.get(name) ??
    new UnknownPluginError(
      kind,
      name,
      sorted(kind).map((p) => p.name),
      path,
      PLUGIN_KINDS.filter((other) => byKind.get(other)?.has(name)),
    );

  const get = (kind: PluginKind, name: string, path = 'type'): AnyPlugin => {
    const plugin = lookup(kind, name, path);
    if (plugin instanceof UnknownPluginError) throw plugin;
    return plugin;
  };

  /** Parses a plugin config, recording its problems; the plugin and its options (with offending fields left out), if any. */
  const parseInto = (kind: PluginKind, config: unknown, path: string, problems: Problem[]) => {
    const head = parseAll(pluginConfigSchema, config, path);
    if (head.issues.length > 0 || head.data === undefined) {
      problems.push(configProblem(new ConfigError(`Invalid ${kind} config at ${where(path)}`, head.issues)));
      return undefined;
    }
    const { type, ...rest } = head.data;
    const plugin = lookup(kind, type, path === '' ? 'type' : `${path}.type`);
    if (plugin instanceof UnknownPluginError) {
      problems.push(configProblem(plugin));
      return undefined;
    }
    const options = parseAll(plugin.options, rest, path);
    if (options.issues.length > 0) problems.push(configProblem(new ConfigError(`Invalid options for ${kind} '${type}' at ${where(path)}`, options.issues)));
    return options.data === undefined ? undefined : { plugin, options: options.data as unknown, clean: options.issues.length === 0 };
  };

  /** Creates a plugin and its nested plugins, recording every problem in `problems`; a stand-in for what could not be created. */
  const createInto = <K extends PluginKind>(kind: K, config: unknown, scope: CreateScope, problems: Problem[]): PluginKinds[K] => {
    const before = problems.length;
    const parsed = parseInto(kind, config, scope.path, problems);
    if (parsed === undefined) return standIn(scope.path);
    const { plugin, options, clean } = parsed;
    if (clean) scope.onResolved?.(scope.path, { type: plugin.name, ...(options as object) });
    const ctx: PluginContext = {
      run: scope.run,
      sde: scope.sde,
      path: scope.path,
      create: (nestedKind, nestedConfig: PluginConfig, path, sde) => createInto(nestedKind, nestedConfig, { ...scope, sde: sde ?? scope.sde, path }, problems),
    };
    try {
      return plugin.create(options, ctx) as PluginKinds[K];
    } catch (error) {
      // After a reported problem (a bad option left out, a nested plugin's stand-in), what fails follows from it.
      if (error instanceof StandInUsedError || problems.length > before) return standIn(scope.path);
      if (error instanceof ConfigError) problems.push(configProblem(error));
      else if (error instanceof ScoreflowError || error instanceof RangeError) problems.push({ error, issues: [{ path: scope.path, message: error.message }] });
      else throw error;
      return standIn(scope.path);
    }
  };

  /** Throws the problems found: the one error as it was, or a `ConfigError` listing every issue. */
  const throwProblems = (problems: readonly Problem[], context: string): void => {
    if (problems.length === 1) throw problems[0].error;
    if (problems.length > 1) throw new ConfigError(context, problems.flatMap((problem) => problem.issues));
  };

  const registry: Registry = {
    list: (kind) => (kind === undefined ? PLUGIN_KINDS.flatMap(sorted) : sorted(kind)),
    get,

    parse(kind, config, path) {
      const problems: Problem[] = [];
      const parsed = parseInto(kind, config, path, problems);
      throwProblems(problems, `Invalid ${kind} config at ${where(path)}`);
      if (parsed === undefined) throw new TypeError('unreachable: a config that does not parse has problems');
      return { plugin: parsed.plugin, options: parsed.options };
    },

    create<K extends PluginKind>(kind: K, config: unknown, scope: CreateScope): PluginKinds[K] {
      const problems: Problem[] = [];
      const plugin = createInto(kind, config, scope, problems);
      throwProblems(problems, `Invalid ${kind} config at ${where(scope.path)}`);
      return plugin;
    },
  };
  return registry;
}
