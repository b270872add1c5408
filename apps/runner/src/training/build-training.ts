import {
  ConfigError,
  type DataSource,
  type Logger,
  type PluginConfig,
  type Registry,
  type RunContext,
  type ScoreModel,
  type Sde,
  createRunContext,
  describeSource,
  standIn,
} from '@scoreflow/core';
import { mixtureScore } from '@scoreflow/score-models';
import { type NetworkOptions, isUnetOptions, resolveUnetOptions } from '@scoreflow/score-nets';
import { type FlowTrainingObjective, type TrainConfig, isFlowObjective } from '../config/train-config.js';
import { createIssueCollector } from '../pipeline/issue-collector.js';
import { setPath } from '../pipeline/set-path.js';
import { type FlowPlan, buildFlowPlan, objectiveIssues } from './flow-plan.js';
import { trainingEngineIssues } from './engine-issues.js';

/** Everything a training needs, created and validated, nothing started. */
export interface TrainingPlan {
  readonly config: TrainConfig;
  /** The config with every plugin's defaults filled in (config.resolved.json, the checkpoint's metadata). */
  readonly resolved: Record<string, unknown>;
  readonly ctx: RunContext;
  /** The data: the law whose score is learned, or a flow's law at t = 1. */
  readonly data: DataSource;
  /** The forward SDE (dsm and classifier); a flow objective has none, and this stand-in throws when used. */
  readonly sde: Sde;
  /** A flow objective's objective, noise, source and teacher (`training.objective` icfm, fm, otcfm, sbcfm, reflow). */
  readonly flow?: FlowPlan;
  /** The network's options: the config's, the data's `dim` and the config's `seed`. */
  readonly network: NetworkOptions;
  /** The exact score of the data under the SDE, when the data source is an exact Gaussian mixture (`describeSource`). */
  readonly exactScore?: ScoreModel;
}

/**
 * Creates the data source and the SDE of a train config through the registry, so that every
 * option is checked before anything runs or is written (as `buildRun` does for run configs).
 * Every problem is reported at once, in one `ConfigError`.
 */
export function buildTraining(config: TrainConfig, registry: Registry, options: { signal?: AbortSignal; logger?: Logger } = {}): TrainingPlan {
  const ctx = createRunContext({ name: config.name, seed: config.seed, dim: config.dim, particles: config.training.poolSize, signal: options.signal, logger: options.logger });
  const resolved = structuredClone(config) as Record<string, unknown>;
  const onResolved = (path: string, plugin: PluginConfig) => setPath(resolved, path, plugin);
  const problems = createIssueCollector();
  problems.add(...objectiveIssues(config), ...trainingEngineIssues(config));
  const sdeConfig = config.sde;
  const sde = (sdeConfig && problems.attempt(() => registry.create('sde', sdeConfig, { run: ctx, path: 'sde', onResolved }), 'sde')) ?? standIn<Sde>('sde');
  const data = problems.attempt(() => registry.create('data-source', config.data, { run: ctx, ...(sdeConfig && { sde }), path: 'data', onResolved }), 'data');
  const { objective } = config.training;
  const flow = isFlowObjective(objective) && data !== undefined ? buildFlowPlan(config as TrainConfig & { training: { objective: FlowTrainingObjective } }, data, registry, ctx, problems, onResolved) : undefined;
  problems.throwIfAny('Invalid train config');
  if (data === undefined) throw new TypeError('unreachable: a data source that was not created is a problem');
  if (isUnetOptions(config.network)) checkUnet(config, data.dim);
  if (flow !== undefined) return { config, resolved, ctx, data, sde, flow, network: { dim: data.dim, ...config.network, seed: config.seed } };
  // The source says what it is: an exact mixture has a closed-form score under every linear SDE.
  const law = describeSource(data);
  if (config.training.objective === 'classifier') {
    // A noisy classifier: `network.classes` logits out, no label input; its loss is not a score's.
    if (config.network.classes < 2) {
      throw new ConfigError('Invalid train config', [{ path: 'network.classes', message: `a classifier (training.objective: classifier) needs the number of classes it tells apart, at least 2, got ${config.network.classes}` }]);
    }
    return { config, resolved, ctx, data, sde, network: { dim: data.dim, ...config.network, classes: 0, outputs: config.network.classes, seed: config.seed } };
  }
  const exactScore = law.kind === 'mixture' ? mixtureScore(law.mixture, sde) : undefined;
  const network: NetworkOptions = { dim: data.dim, ...config.network, seed: config.seed };
  return { config, resolved, ctx, data, sde, network, ...(exactScore && { exactScore }) };
}

/** A U-Net (`network.type: unet`) must fit the data's images and is a score or velocity network, never a classifier. */
function checkUnet(config: TrainConfig, dim: number): void {
  if (config.training.objective === 'classifier') {
    throw new ConfigError('Invalid train config', [{ path: 'network.type', message: 'a noisy classifier (training.objective: classifier) is an MLP: leave network.type out, got unet' }]);
  }
  try {
    resolveUnetOptions({ ...(config.network as Parameters<typeof resolveUnetOptions>[0]), dim });
  } catch (error) {
    throw new ConfigError('Invalid train config', [{ path: 'network', message: (error as Error).message.replace('unetScoreNetwork: ', '').replace(/^dim must/, "the data's dim must") }]);
  }
}
