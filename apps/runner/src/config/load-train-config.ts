import { ConfigError } from '@scoreflow/core';
import { readConfigFile } from './config-file.js';
import { checkConfig } from './load-config.js';
import type { ConfigOverrides } from './overrides.js';
import { type TrainConfig, trainConfigSchema } from './train-config.js';

/** Command-line values of `scoreflow train` that replace those of the config file. */
export type TrainOverrides = Pick<ConfigOverrides, 'seed' | 'set'>;

/** Reads, parses and validates a train config; `--seed` and `--set` apply before validation. */
export function loadTrainConfig(file: string, overrides: TrainOverrides = {}): TrainConfig {
  return validateTrainConfig(readConfigFile(file), file, overrides);
}

/** Validates a parsed train config object; `file` names it in messages. Throws a `ConfigError` listing every problem. */
export function validateTrainConfig(raw: unknown, file: string, overrides: TrainOverrides = {}): TrainConfig {
  const { issues, config } = checkConfig(trainConfigSchema, raw, overrides);
  if (issues.length > 0 || config === undefined) throw new ConfigError(`Invalid train config ${file}`, issues);
  return config;
}
