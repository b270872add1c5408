import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { ConfigError, formatZodIssues } from '@scoreflow/core';
import { parse as parseYaml } from 'yaml';
import { type RunConfig, runConfigSchema } from './run-config.js';
import { isTrainConfig } from './train-config.js';

/** Options that name files or folders: relative values are resolved against the config file's folder. */
export const FILE_OPTIONS: ReadonlySet<string> = new Set(['path', 'checkpoint']);

/** Command-line values that replace those of the config file. */
export interface ConfigOverrides {
  readonly seed?: number;
  readonly particles?: number;
  readonly batchSize?: number;
  /** `path=value` assignments (`source.path=data.csv`, `pipeline.0.steps=100`); values are YAML. */
  readonly set?: readonly string[];
}

/** Parses config text: JSON for `.json`, YAML (a superset of JSON) otherwise. */
export function parseConfigText(text: string, file: string): unknown {
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`Cannot parse ${file}`, [{ path: '', message: (error as Error).message.split('\n')[0] }]);
  }
}

/** Reads and parses a config file, its relative file options resolved against its folder. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config ${file}`, [{ path: '', message: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  return resolvePaths(parseConfigText(text, file), dirname(file));
}

/** Reads, parses and validates a run config; overrides apply before validation. */
export function loadConfig(file: string, overrides: ConfigOverrides = {}): RunConfig {
  const raw = readConfigFile(file);
  if (isTrainConfig(raw)) {
    throw new ConfigError(`Invalid config ${file}`, [{ path: 'training', message: "makes it a train config: run it with 'scoreflow train'" }]);
  }
  return validateConfig(raw, file, overrides);
}

/**
 * Resolves every relative `path` and `checkpoint` option (`FILE_OPTIONS`) of a parsed config (file data sources, checkpoints)
 * against `folder`, the config file's folder: a config names its files relative to itself, as
 * tsconfig and docker-compose do, and works from any working directory.
 */
export function resolvePaths(config: unknown, folder: string): unknown {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    for (const key of FILE_OPTIONS) {
      const value = record[key];
      if (typeof value === 'string' && !isAbsolute(value)) record[key] = resolve(folder, value);
    }
    Object.values(record).forEach(visit);
  };
  visit(config);
  return config;
}

/** A parsed config with the command line's values: `--seed`, `--particles`, `--batch-size` replace top-level fields, then each `--set` applies. */
export function applyOverrides(raw: unknown, overrides: ConfigOverrides): unknown {
  const given = { seed: overrides.seed, particles: overrides.particles, batchSize: overrides.batchSize };
  let merged =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...raw, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }
      : raw;
  for (const assignment of overrides.set ?? []) merged = applyAssignment(merged, assignment);
  return merged;
}

/** Validates a parsed config object; `file` names it in messages. */
export function validateConfig(raw: unknown, file: string, overrides: ConfigOverrides = {}): RunConfig {
  const result = runConfigSchema.safeParse(applyOverrides(raw, overrides), { reportInput: true });
  if (!result.success) throw new ConfigError(`Invalid config ${file}`, formatZodIssues(result.error.issues, ''));
  return result.data;
}

/**
 * Applies one `--set path=value` to a parsed config (a copy): the dotted path names object keys
 * and array indices (`pipeline.0.steps`); the value is parsed as YAML (`100`, `true`, `[1, 2]`,
 * `data.csv`). Missing objects on the way are created. A relative file (`...path=x.csv`, `...checkpoint=dir`) is
 * resolved against the directory the command was typed in.
 */
export function applyAssignment(config: unknown, assignment: string): unknown {
  const equals = assignment.indexOf('=');
  if (equals <= 0) {
    throw new ConfigError('Invalid --set', [{ path: '', message: `expected path=value (e.g. source.path=data.csv), got '${assignment}'` }]);
  }
  const path = assignment.slice(0, equals).split('.');
  let value: unknown = parseYaml(assignment.slice(equals + 1));
  // A file given on the command line is relative to where the command was typed (npm run
  // changes the working directory to the repository root and keeps the original in INIT_CWD).
  if (FILE_OPTIONS.has(path[path.length - 1]) && typeof value === 'string' && !isAbsolute(value)) {
    value = resolve(process.env.INIT_CWD ?? process.cwd(), value);
  }
  const root = structuredClone(config ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return root;
}
