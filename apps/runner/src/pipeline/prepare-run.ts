import { ConfigError, type Registry } from '@scoreflow/core';
import { buildChecked } from '../config/build-checked.js';
import { checkConfig, readRunConfig } from '../config/load-config.js';
import type { ConfigOverrides } from '../config/overrides.js';
import { runConfigSchema } from '../config/run-config.js';
import { type PlannedFigure, figureOptionIssues, planFigures } from '../figures/index.js';
import { type BuildRunOptions, type RunPlan, buildRun } from './build-run.js';

/** A run config read, checked and built: its plan and its figures, nothing started. */
export interface PreparedRun {
  readonly plan: RunPlan;
  readonly figures: PlannedFigure[];
}

/**
 * Reads a run config file, applies the command line's overrides and checks everything in one
 * pass: the refused `--set` arguments, the config's fields, every plugin and every figure. Throws
 * one `ConfigError` (`Invalid config FILE`) listing every problem (see `buildChecked`).
 */
export function prepareRun(file: string, overrides: ConfigOverrides, registry: Registry, options: BuildRunOptions = {}): PreparedRun {
  return buildChecked(
    checkConfig(runConfigSchema, readRunConfig(file), overrides),
    (config) => {
      let plan: RunPlan;
      try {
        plan = buildRun(config, registry, options);
      } catch (error) {
        // The figures too, in the same pass: their options on their own while the plugins cannot be built.
        if (error instanceof ConfigError) throw new ConfigError('Invalid config', [...error.issues, ...figureOptionIssues(config.figures, registry)]);
        throw error;
      }
      return { plan, figures: planFigures(plan, registry) };
    },
    `Invalid config ${file}`,
  );
}
