import type { Logger, Registry } from '@scoreflow/core';
import { buildChecked } from '../config/build-checked.js';
import { readConfigFile } from '../config/config-file.js';
import { checkConfig } from '../config/load-config.js';
import type { TrainOverrides } from '../config/load-train-config.js';
import { trainConfigSchema } from '../config/train-config.js';
import { type TrainingPlan, buildTraining } from './build-training.js';

/**
 * Reads a train config file, applies `--seed` and `--set` and checks everything in one pass (the
 * refused `--set` arguments, the config's fields, its data source and SDE), as `prepareRun` does
 * for run configs. Throws one `ConfigError` (`Invalid train config FILE`) listing every problem.
 */
export function prepareTraining(file: string, overrides: TrainOverrides, registry: Registry, options: { signal?: AbortSignal; logger?: Logger } = {}): TrainingPlan {
  return buildChecked(checkConfig(trainConfigSchema, readConfigFile(file), overrides), (config) => buildTraining(config, registry, options), `Invalid train config ${file}`);
}
