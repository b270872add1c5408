import { isAbsolute, resolve } from 'node:path';
import { ConfigError, type ConfigIssue, shorten, showValue } from '@scoreflow/core';
import { parse as parseYaml } from 'yaml';
import { FILE_OPTIONS } from './file-options.js';

/** Command-line values that replace those of the config file. */
export interface ConfigOverrides {
  readonly seed?: number;
  readonly particles?: number;
  readonly batchSize?: number;
  /** `path=value` assignments (`source.path=data.csv`, `pipeline.0.steps=100`); values are YAML. */
  readonly set?: readonly string[];
}

/** Names that reach JavaScript's prototypes rather than a config field: never a path segment. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

const INDEX = /^(0|[1-9]\d*)$/;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** What a config value is, in words, for messages. */
const kindOf = (value: unknown): string => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'a map' : `a ${typeof value}`);

/** The index a segment names in a list, or why it names none. */
function listIndex(list: readonly unknown[], segment: string, where: string): number | string {
  const index = INDEX.test(segment) ? Number(segment) : NaN;
  if (index < list.length) return index;
  const allowed = list.length === 0 ? 'no index (it is empty)' : `an index from 0 to ${list.length - 1}`;
  return `${where} is a list: expected ${allowed}, got ${showValue(segment)}`;
}

/**
 * Sets `value` at `path` in `root` (map keys and list indices), creating missing maps on the way;
 * why it cannot, if it cannot (an index that does not exist, a number or a string on the way).
 */
function setAt(root: unknown, path: readonly string[], value: unknown): string | undefined {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const where = i === 0 ? 'the config' : `'${path.slice(0, i).join('.')}'`;
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      const index = listIndex(node, path[i], where);
      if (typeof index === 'string') return index;
      if (last) node[index] = value;
      else node = node[index];
    } else if (isRecord(node)) {
      const key = path[i];
      if (last) node[key] = value;
      else {
        if (!Object.hasOwn(node, key) || node[key] === undefined || node[key] === null) node[key] = {};
        node = node[key];
      }
    } else {
      return `${where} is ${kindOf(node)}, not a map or a list, so ${showValue(path.slice(i).join('.'))} cannot be set in it`;
    }
  }
  return undefined;
}

/**
 * Applies one `--set path=value` to a parsed config (a copy): the dotted path names map keys and
 * list indices (`pipeline.0.steps`); the value is parsed as YAML (`100`, `true`, `[1, 2]`,
 * `data.csv`). Missing maps on the way are created; a list index must exist; a path through a
 * number or a string, an empty segment, or a prototype name (`__proto__`, `constructor`,
 * `prototype`) is refused. Unknown field names are left to the config's strict schemas, which
 * name them. A relative file (`...path=x.csv`, `...checkpoint=dir`) is resolved against the
 * directory the command was typed in. Throws a `ConfigError` at the argument `--set ASSIGNMENT`.
 */
export function applyAssignment(config: unknown, assignment: string): unknown {
  const refuse = (message: string): never => {
    throw new ConfigError('Invalid --set', [{ path: `--set ${shorten(assignment)}`, message }]);
  };
  const equals = assignment.indexOf('=');
  if (equals <= 0) refuse(`expected path=value (e.g. source.path=data.csv), got ${showValue(assignment)}`);
  const pathText = assignment.slice(0, equals);
  const path = pathText.split('.');
  if (path.some((segment) => segment === '')) refuse(`expected a dotted path such as pipeline.0.steps, got ${showValue(pathText)}`);
  const prototype = path.find((segment) => PROTOTYPE_NAMES.has(segment));
  if (prototype !== undefined) refuse(`'${prototype}' is not a config field (it names a JavaScript prototype), got ${showValue(pathText)}`);

  const valueText = assignment.slice(equals + 1);
  let value: unknown;
  try {
    value = parseYaml(valueText);
  } catch (error) {
    refuse(`the value is not valid YAML (${String((error as Error).message).split('\n')[0].replace(/ at line \d+, column \d+:$/, '')}), got ${showValue(valueText)}`);
  }
  // A file given on the command line is relative to where the command was typed (npm run
  // changes the working directory to the repository root and keeps the original in INIT_CWD).
  if (FILE_OPTIONS.has(path[path.length - 1]) && typeof value === 'string' && !isAbsolute(value)) {
    value = resolve(process.env.INIT_CWD ?? process.cwd(), value);
  }

  const root: unknown = structuredClone(config ?? {});
  const problem = setAt(root, path, value);
  if (problem !== undefined) refuse(problem);
  return root;
}

/**
 * A parsed config with the command line's values: `--seed`, `--particles`, `--batch-size` replace
 * top-level fields, then each `--set` applies. Every refused `--set` is an issue (and changes
 * nothing); the others still apply.
 */
export function applyOverrides(raw: unknown, overrides: ConfigOverrides): { config: unknown; issues: ConfigIssue[] } {
  const given = { seed: overrides.seed, particles: overrides.particles, batchSize: overrides.batchSize };
  let config =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...raw, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }
      : raw;
  const issues: ConfigIssue[] = [];
  for (const assignment of overrides.set ?? []) {
    try {
      config = applyAssignment(config, assignment);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues);
    }
  }
  return { config, issues };
}
