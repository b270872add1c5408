import {
  ConfigError,
  type DataSource,
  type Logger,
  type Metric,
  type CreateScope,
  type PluginConfig,
  type PluginKind,
  type PluginKinds,
  type Registry,
  type RunContext,
  type Sde,
  type Stage,
  type StagePlan,
  createRunContext,
  deriveSeed,
  standIn,
} from '@scoreflow/core';
import type { RunConfig } from '../config/run-config.js';
import { createIssueCollector } from './issue-collector.js';
import { setPath } from './set-path.js';
import { runAccelerator } from './run-accelerator.js';

/** One stage of the pipeline, ready to run: what it is and what it will do, as the stage says (`Stage.kind`, `Stage.plan`). */
export interface PlannedStage {
  readonly index: number;
  /** Its type, as the config names it (labels, the particle file's `stage_name`). */
  readonly type: string;
  readonly stage: Stage;
  /** Its plan: steps, warm-up, snapshots (progress, figures). */
  readonly plan: StagePlan;
  /** Whether each particle is an MCMC chain (`kind` is `mcmc`: diagnostics, ESS, R-hat). */
  readonly chains: boolean;
}

/** Everything a run needs, created and validated, nothing started. */
export interface RunPlan {
  readonly config: RunConfig;
  /** The config with every plugin's defaults filled in. */
  readonly resolved: Record<string, unknown>;
  readonly ctx: RunContext;
  readonly sde?: Sde;
  readonly source: DataSource;
  readonly stages: readonly PlannedStage[];
  readonly reference?: { readonly source: DataSource; readonly ctx: RunContext };
  readonly metrics: readonly Metric[];
  /** The WebGPU device of a config that asks for one (`webgpuAsked`), not yet acquired. */
  readonly accelerator?: ReturnType<typeof runAccelerator>;
}

/** What `buildRun` passes on to the run's context. */
export interface BuildRunOptions {
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
}

/**
 * Creates every plugin of a config through the registry, so that every option of every plugin
 * is checked before anything runs or anything is written. Every problem of every plugin is
 * reported at once, in one `ConfigError`.
 */
export function buildRun(config: RunConfig, registry: Registry, options: BuildRunOptions = {}): RunPlan {
  const accelerator = runAccelerator(config);
  const ctx = createRunContext({
    name: config.name,
    seed: config.seed,
    dim: config.dim,
    particles: config.particles,
    batchSize: config.batchSize,
    signal: options.signal,
    logger: options.logger,
    device: config.device,
    accelerator,
  });
  const resolved: Record<string, unknown> = structuredClone(config) as Record<string, unknown>;
  const onResolved = (path: string, plugin: PluginConfig) => setPath(resolved, path, plugin);
  const problems = createIssueCollector();
  // A plugin that cannot be created is replaced by a stand-in, so that the others are still checked.
  const create = <K extends PluginKind>(kind: K, pluginConfig: PluginConfig, scope: CreateScope): PluginKinds[K] =>
    problems.attempt(() => registry.create(kind, pluginConfig, scope), scope.path) ?? standIn<PluginKinds[K]>(scope.path);

  const sde = config.sde === undefined ? undefined : create('sde', config.sde, { run: ctx, path: 'sde', onResolved });
  const scope = (path: string, run: RunContext = ctx) => ({ run, sde, path, onResolved });

  const source = create('data-source', config.source, scope('source'));
  problems.attempt(() => checkDim(source, config.dim, 'source'));
  const stages = config.pipeline.map((stageConfig, index): PlannedStage => {
    const stage = create('stage', stageConfig, scope(`pipeline.${index}`));
    // Read when used: a stage that could not be created is a stand-in until the problems are thrown.
    return {
      index,
      type: stageConfig.type,
      stage,
      get plan() {
        return stage.plan;
      },
      get chains() {
        return stage.kind === 'mcmc';
      },
    };
  });

  let reference: RunPlan['reference'];
  if (config.reference !== undefined) {
    const referenceCtx = createRunContext({
      name: `${config.name}/reference`,
      seed: deriveSeed(config.seed, 'reference'),
      dim: config.dim,
      particles: config.measure.referenceParticles,
      batchSize: config.batchSize,
      signal: options.signal,
    });
    const referenceSource = create('data-source', config.reference, scope('reference', referenceCtx));
    problems.attempt(() => checkDim(referenceSource, config.dim, 'reference'));
    reference = { source: referenceSource, ctx: referenceCtx };
  }
  const metrics = config.metrics.map((metric, index) => create('metric', metric, scope(`metrics.${index}`)));
  if (metrics.length > 0 && reference === undefined) {
    problems.add({ path: 'reference', message: 'metrics need a reference data source to measure against, got nothing' });
  }
  problems.throwIfAny('Invalid config');
  return { config, resolved, ctx, sde, source, stages, reference, metrics, accelerator };
}

function checkDim(source: DataSource, dim: number, path: string): void {
  if (source.dim !== dim) {
    throw new ConfigError('Invalid config', [
      { path: 'dim', message: `is ${dim}, but the ${path} data source '${source.name}' makes ${source.dim}-dimensional particles` },
    ]);
  }
}
