import { ConfigError, type ConfigIssue, type PluginConfig, type Registry, type ScoreModel, type Target } from '@scoreflow/core';
import type { RunPlan } from '../pipeline/build-run.js';
import { setPath } from '../pipeline/set-path.js';
import type { FigureConfig } from './figure-schema.js';
import { figureWarnings } from './figure-warnings.js';
import { type NoiseFloor, exactSampleFloor } from './noise-floor.js';

/** A figure of the config, checked against the run, with the plugins it draws created. */
export interface PlannedFigure {
  /** Its place in the config's `figures` list. */
  readonly index: number;
  readonly config: FigureConfig;
  /** The target of a `density` option (snapshot, paths) or of a density figure. */
  readonly target?: Target;
  /** The score model of a density figure. */
  readonly score?: ScoreModel;
  /** The metrics' noise floor, for a metrics figure that shades it. */
  readonly floor?: NoiseFloor;
}

const PLANAR = new Set<FigureConfig['type']>(['snapshot', 'animation', 'paths', 'density']);

/**
 * Checks the figures of a run against its plan (stages, dimension, reference, metrics, file names)
 * and creates the targets and score models they name through the registry, so that `validate`
 * and `run` reject a bad figure before anything runs. Every problem is reported at once, as
 * `figures.N.field: message`. The plugins' resolved options go into the plan's resolved config.
 * A figure that would draw almost nothing (`figureWarnings`) is reported through `warn` (the run's
 * logger by default) and still drawn.
 */
export function planFigures(plan: RunPlan, registry: Registry, warn: (message: string) => void = (message) => plan.ctx.logger.warn(message)): PlannedFigure[] {
  const { config } = plan;
  const issues: ConfigIssue[] = [];
  const files = new Map<string, number>();
  const stageCount = Math.max(1, plan.stages.length);
  config.figures.forEach((figure, index) => {
    const at = (field: string, message: string) => issues.push({ path: `figures.${index}.${field}`, message });
    const earlier = files.get(figure.file);
    if (earlier !== undefined) at('file', `'${figure.file}' is also written by figures.${earlier}`);
    files.set(figure.file, index);
    if ('stage' in figure && figure.stage >= stageCount) {
      at('stage', `is ${figure.stage}, but the pipeline has ${plan.stages.length} stage${plan.stages.length === 1 ? '' : 's'} (stage 0${stageCount > 1 ? ` .. ${stageCount - 1}` : ''})`);
    }
    if (PLANAR.has(figure.type) && config.dim < 2) at('type', `a ${figure.type} figure draws two coordinates, but the particles have dimension ${config.dim}`);
    const wantsReference = (figure.type === 'snapshot' || figure.type === 'density') && figure.reference;
    if (wantsReference && plan.reference === undefined) at('reference', 'needs a reference data source in the config');
    if (figure.type === 'snapshot' && figure.reference && figure.density !== undefined) at('density', 'give either reference: true or a density, not both');
    if (figure.type === 'density') {
      if (figure.reference && figure.target !== undefined) at('target', 'give either reference: true or a target, not both');
      if (!figure.reference && figure.target === undefined && figure.score === undefined) at('type', 'a density figure needs a target, a score or reference: true');
    }
    if (figure.type === 'metrics' && config.metrics.length === 0) at('type', 'a metrics figure needs metrics (and a reference) in the config');
    if (figure.type === 'images') {
      const [h, w] = figure.shape ?? [Math.round(Math.sqrt(config.dim)), Math.round(Math.sqrt(config.dim))];
      if (h * w !== config.dim) at('shape', `${figure.shape === undefined ? 'is needed: the dimension' : `${h} x ${w} = ${h * w}, but the dimension`} ${config.dim} is not ${figure.shape === undefined ? 'a square' : 'that'}`);
    }
  });
  if (issues.length > 0) throw new ConfigError('Invalid figures', issues);
  for (const warning of figureWarnings(plan, config.figures)) warn(warning);

  const onResolved = (path: string, plugin: PluginConfig) => setPath(plan.resolved, path, plugin);
  const scope = (path: string) => ({ run: plan.ctx, sde: plan.sde, path, onResolved });
  return config.figures.map((figure, index): PlannedFigure => {
    const targetConfig = figure.type === 'density' ? figure.target : figure.type === 'snapshot' || figure.type === 'paths' ? figure.density : undefined;
    const targetPath = `figures.${index}.${figure.type === 'density' ? 'target' : 'density'}`;
    return {
      index,
      config: figure,
      target: targetConfig === undefined ? undefined : registry.create('target', targetConfig, scope(targetPath)),
      score: figure.type === 'density' && figure.score !== undefined ? registry.create('score-model', figure.score, scope(`figures.${index}.score`)) : undefined,
      floor: figure.type === 'metrics' && figure.noiseFloor !== false ? exactSampleFloor(plan) : undefined,
    };
  });
}
