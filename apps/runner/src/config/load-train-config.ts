import { ConfigError, formatZodIssues } from '@scoreflow/core';
import { type ConfigOverrides, applyOverrides, readConfigFile } from './load-config.js';
import { type TrainConfig, trainConfigSchema } from './train-config.js';

/** Command-line values of `scoreflow train` that replace those of the config file. */
export type TrainOverrides = Pick<ConfigOverrides, 'seed' | 'set'>;

/** Reads, parses and validates a train config; `--seed` and `--set` apply before validation. */
export function loadTrainConfig(file: string, overrides: TrainOverrides = {}): TrainConfig {
  return validateTrainConfig(readConfigFile(file), file, overrides);
}

/** Validates a parsed train config object; `file` names it in messages. */
export function validateTrainConfig(raw: unknown, file: string, overrides: TrainOverrides = {}): TrainConfig {
  const result = trainConfigSchema.safeParse(applyOverrides(raw, overrides), { reportInput: true });
  if (!result.success) throw new ConfigError(`Invalid train config ${file}`, formatZodIssues(result.error.issues, ''));
  return result.data;
}
