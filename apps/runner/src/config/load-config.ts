import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ConfigError, formatZodIssues } from '@scoreflow/core';
import { parse as parseYaml } from 'yaml';
import { type RunConfig, runConfigSchema } from './run-config.js';

/** Command-line values that replace those of the config file. */
export interface ConfigOverrides {
  readonly seed?: number;
  readonly particles?: number;
  readonly batchSize?: number;
}

/** Parses config text: JSON for `.json`, YAML (a superset of JSON) otherwise. */
export function parseConfigText(text: string, file: string): unknown {
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`Cannot parse ${file}`, [{ path: '', message: (error as Error).message.split('\n')[0] }]);
  }
}

/** Reads, parses and validates a run config; overrides apply before validation. */
export function loadConfig(file: string, overrides: ConfigOverrides = {}): RunConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config ${file}`, [{ path: '', message: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  return validateConfig(parseConfigText(text, file), file, overrides);
}

/** Validates a parsed config object; `file` names it in messages. */
export function validateConfig(raw: unknown, file: string, overrides: ConfigOverrides = {}): RunConfig {
  const given = { seed: overrides.seed, particles: overrides.particles, batchSize: overrides.batchSize };
  const merged =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...raw, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }
      : raw;
  const result = runConfigSchema.safeParse(merged, { reportInput: true });
  if (!result.success) throw new ConfigError(`Invalid config ${file}`, formatZodIssues(result.error.issues, ''));
  return result.data;
}
