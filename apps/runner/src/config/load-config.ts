import { ConfigError, type ConfigIssue, parseAll } from '@scoreflow/core';
import type { z } from 'zod';
import { readConfigFile } from './config-file.js';
import { nestingIssue } from './nesting.js';
import { type ConfigOverrides, applyOverrides } from './overrides.js';
import { type RunConfig, runConfigSchema } from './run-config.js';
import { isTrainConfig } from './train-config.js';

/** A parsed config checked against its schema, overrides applied. */
export interface CheckedConfig<T> {
  /** Every problem: refused `--set` arguments and every field the schema rejects. */
  readonly issues: readonly ConfigIssue[];
  /** The config, or, when it has issues, the config without the offending fields where that still parses (to check its plugins too). */
  readonly config?: T;
  /** Dotted paths of the fields left out to get `config`: later problems under them follow from the issues. */
  readonly removed: readonly string[];
}

/**
 * Applies the overrides to a parsed config and checks it against `schema`, collecting every
 * problem. A config nested too deep (see `nestingIssue`) is refused before anything else.
 */
export function checkConfig<S extends z.ZodType>(schema: S, raw: unknown, overrides: ConfigOverrides = {}): CheckedConfig<z.output<S>> {
  const tooDeep = nestingIssue(raw);
  if (tooDeep !== undefined) return { issues: [tooDeep], removed: [] };
  const overridden = applyOverrides(raw, overrides);
  const deepSet = nestingIssue(overridden.config);
  if (deepSet !== undefined) return { issues: [...overridden.issues, deepSet], removed: [] };
  const parsed = parseAll(schema, overridden.config);
  return { issues: [...overridden.issues, ...parsed.issues], config: parsed.data, removed: parsed.removed };
}

/** Validates a parsed run config object; `file` names it in messages. Throws a `ConfigError` listing every problem. */
export function validateConfig(raw: unknown, file: string, overrides: ConfigOverrides = {}): RunConfig {
  const { issues, config } = checkConfig(runConfigSchema, raw, overrides);
  if (issues.length > 0 || config === undefined) throw new ConfigError(`Invalid config ${file}`, issues);
  return config;
}

/** Reads a run config file; a train config (one with `training`) is refused, naming `scoreflow train`. */
export function readRunConfig(file: string): unknown {
  const raw = readConfigFile(file);
  if (isTrainConfig(raw)) {
    throw new ConfigError(`Invalid config ${file}`, [{ path: 'training', message: "makes it a train config: run it with 'scoreflow train'" }]);
  }
  return raw;
}

/** Reads, parses and validates a run config; overrides apply before validation. */
export function loadConfig(file: string, overrides: ConfigOverrides = {}): RunConfig {
  return validateConfig(readRunConfig(file), file, overrides);
}
