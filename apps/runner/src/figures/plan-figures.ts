import type { Figure, NoiseFloor, PluginConfig, Registry } from '@scoreflow/core';
import type { RunPlan } from '../pipeline/build-run.js';
import { createIssueCollector } from '../pipeline/issue-collector.js';
import { setPath } from '../pipeline/set-path.js';
import { figureWarnings } from './figure-warnings.js';
import { exactSampleFloor } from './noise-floor.js';

/** A figure of the config, created through the registry and checked against the run. */
export interface PlannedFigure {
  /** Its place in the config's `figures` list. */
  readonly index: number;
  /** Its `type`, as the config names it. */
  readonly type: string;
  readonly figure: Figure;
  /** The metrics' noise floor, for a figure that asks for it. */
  readonly floor?: NoiseFloor;
}

/**
 * Creates the figures of a run through the registry (plugin kind `figure`: their options, and the
 * targets and score models they name) and checks what they need against the run's plan: their
 * stage, a reference, metrics, one file per figure. So `validate` and `run` reject a bad figure
 * before anything runs; every problem is reported at once, as `figures.N.field: message`, and
 * the resolved options go into the plan's resolved config. A figure that would draw almost
 * nothing (`figureWarnings`) is reported through `warn` (the run's logger by default) and still drawn.
 */
export function planFigures(plan: RunPlan, registry: Registry, warn: (message: string) => void = (message) => plan.ctx.logger.warn(message)): PlannedFigure[] {
  const problems = createIssueCollector();
  const onResolved = (path: string, plugin: PluginConfig) => setPath(plan.resolved, path, plugin);
  const files = new Map<string, number>();
  const stageCount = Math.max(1, plan.stages.length);
  const planned = plan.config.figures.flatMap((entry, index): PlannedFigure[] => {
    const path = `figures.${index}`;
    const figure = problems.attempt(() => registry.create('figure', entry, { run: plan.ctx, sde: plan.sde, path, onResolved }), path);
    if (figure === undefined) return [];
    const at = (field: string, message: string) => problems.add({ path: `${path}.${field}`, message });
    const earlier = files.get(figure.file);
    if (earlier !== undefined) at('file', `'${figure.file}' is also written by figures.${earlier}`);
    files.set(figure.file, index);
    const { needs } = figure;
    const stage = needs.snapshots?.stage;
    if (stage !== undefined && stage >= stageCount) {
      at('stage', `is ${stage}, but the pipeline has ${plan.stages.length} stage${plan.stages.length === 1 ? '' : 's'} (stage 0${stageCount > 1 ? ` .. ${stageCount - 1}` : ''})`);
    }
    if (needs.reference === true && plan.reference === undefined) at('reference', 'needs a reference data source in the config');
    if (needs.metrics === true && plan.metrics.length === 0) at('type', `a ${figure.name} figure needs metrics (and a reference) in the config`);
    return [{ index, type: figure.name, figure, floor: needs.noiseFloor === true ? exactSampleFloor(plan) : undefined }];
  });
  problems.throwIfAny('Invalid figures');
  for (const warning of figureWarnings(plan, planned)) warn(warning);
  return planned;
}
