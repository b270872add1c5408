import { pluginConfigSchema } from '@scoreflow/core';
import { ACTIVATIONS, EMA_DECAY, FLOW_OBJECTIVES, MLP_DEFAULTS, OPTIMIZER_DEFAULTS, OUTPUT_KINDS, TIME_EMBEDDINGS, TRAINER_DEFAULTS, TRAIN_DEFAULTS, UNET_DEFAULTS, WEIGHTINGS } from '@scoreflow/score-nets';
import { backendOption, workersOption } from '@scoreflow/score-nets/node';
import { z } from 'zod';
import { configName } from './run-config.js';

/**
 * The score network's options (`mlpScoreNetwork`'s, less `dim`, which the data give, and `seed`, the config's);
 * the defaults and choices are score-nets' own.
 */
const networkSchema = z.strictObject({
  type: z.literal('mlp').optional().describe('mlp (the default) or unet'),
  width: z.number().int().min(1).default(MLP_DEFAULTS.width).describe('hidden units per layer'),
  depth: z.number().int().min(1).default(MLP_DEFAULTS.depth).describe('hidden layers'),
  activation: z.enum(ACTIVATIONS).default(MLP_DEFAULTS.activation).describe('activation of the hidden layers'),
  residual: z.boolean().default(MLP_DEFAULTS.residual).describe('hidden layers after the first add their input'),
  output: z.enum(OUTPUT_KINDS).default(MLP_DEFAULTS.output).describe('what the network predicts'),
  embedding: z.enum(TIME_EMBEDDINGS).default(MLP_DEFAULTS.embedding).describe('time embedding'),
  embeddingSize: z
    .number()
    .int()
    .min(2)
    .refine((size) => size % 2 === 0, 'must be even')
    .default(MLP_DEFAULTS.embeddingSize)
    .describe('size of the time embedding (even)'),
  fourierScale: z.number().positive().default(MLP_DEFAULTS.fourierScale).describe('scale of the random Fourier frequencies'),
  classes: z
    .number()
    .int()
    .min(0)
    .default(MLP_DEFAULTS.classes)
    .describe("classes of a conditional network (0: unconditional), or with training.objective classifier the classes it tells apart; it trains on the data's labels"),
  labelEmbeddingSize: z.number().int().min(1).default(MLP_DEFAULTS.labelEmbeddingSize).describe('size of the label embedding (with classes)'),
});

/**
 * A U-Net's options (`unetScoreNetwork`'s, `type: unet`, less `dim`, which must equal height x width x
 * channels of the data, and `seed`, the config's): for image data such as `fashion-mnist`.
 */
const unetNetworkSchema = z.strictObject({
  type: z.literal('unet').describe('a U-Net for images (Ho et al. 2020); without type the network is an MLP'),
  height: z.number().int().min(1).describe('image height in pixels'),
  width: z.number().int().min(1).describe('image width in pixels'),
  channels: z.number().int().min(1).default(UNET_DEFAULTS.channels).describe('image channels (1: grey)'),
  baseChannels: z.number().int().min(1).default(UNET_DEFAULTS.baseChannels).describe('channels of the first level'),
  channelMultipliers: z.array(z.number().int().min(1)).min(1).default([...UNET_DEFAULTS.channelMultipliers]).describe('channel multiplier of each level; each level after the first halves the resolution'),
  blocksPerLevel: z.number().int().min(1).default(UNET_DEFAULTS.blocksPerLevel).describe('residual blocks per level on the way down'),
  groups: z.number().int().min(1).default(UNET_DEFAULTS.groups).describe('groups of the group normalisations'),
  attention: z.boolean().default(UNET_DEFAULTS.attention).describe('self-attention at the lowest resolution'),
  embeddingSize: z.number().int().min(2).refine((size) => size % 2 === 0, 'must be even').optional().describe('size of the sinusoidal time embedding (default baseChannels)'),
  classes: z.number().int().min(0).default(UNET_DEFAULTS.classes).describe("classes of a conditional network (0: unconditional); it trains on the data's labels"),
  output: z.enum(OUTPUT_KINDS).default(UNET_DEFAULTS.output).describe('what the network predicts'),
});

/** Keys that only a U-Net has: network options that hold one but no `type` meant `type: unet`. */
const UNET_ONLY_KEYS = ['height', 'channels', 'baseChannels', 'channelMultipliers', 'blocksPerLevel', 'groups', 'attention'];

/** Reports a missing `network.type` where the options are a U-Net's, instead of every U-Net key as unknown to an MLP. */
function requireUnetType(value: unknown, ctx: z.RefinementCtx): unknown {
  if (value === null || typeof value !== 'object' || 'type' in value) return value;
  const keys = UNET_ONLY_KEYS.filter((key) => key in value);
  if (keys.length > 0) ctx.addIssue({ code: 'custom', path: ['type'], message: `must be unet for a U-Net's options (${keys.join(', ')}); an MLP has none of them`, input: undefined });
  return value;
}

/**
 * The flow objectives of `scoreflow train` (a velocity network, output `velocity`): score-nets'
 * `FLOW_OBJECTIVES` (icfm, fm, otcfm, sbcfm) and `reflow` (Liu et al. 2023: I-CFM's straight path on
 * the pairs (x0, ODE_teacher(x0)) of a trained flow, `training.teacher`).
 */
export const FLOW_TRAINING_OBJECTIVES = [...FLOW_OBJECTIVES, 'reflow'] as const;

/** See `FLOW_TRAINING_OBJECTIVES`. */
export type FlowTrainingObjective = (typeof FLOW_TRAINING_OBJECTIVES)[number];

/**
 * What a training learns: a score (`dsm`), a noisy classifier of the data's labels
 * (`classifier`), or a velocity field by a flow objective (`FLOW_TRAINING_OBJECTIVES`).
 */
export const TRAINING_OBJECTIVES = ['dsm', 'classifier', ...FLOW_TRAINING_OBJECTIVES] as const;

/** Whether `objective` trains a velocity network (a flow objective) rather than a score or a classifier. */
export const isFlowObjective = (objective: string): objective is FlowTrainingObjective => (FLOW_TRAINING_OBJECTIVES as readonly string[]).includes(objective);

/** The objective, the optimiser, the batches and when to save. */
const trainingSchema = z.strictObject({
  objective: z
    .enum(TRAINING_OBJECTIVES)
    .default('dsm')
    .describe(
      'dsm: a score network by denoising score matching; classifier: a noisy classifier p(y | x_t, t) by cross-entropy over random t (for classifier guidance); icfm, fm, otcfm, sbcfm, reflow: a velocity network (network.output velocity) from training.source (t = 0) to data (t = 1) by flow matching (docs/flows.md)',
    ),
  sigma: z.number().min(0).optional().describe('flow objectives: the noise sigma of the conditional path (fm: sigma_min; sbcfm: the bridge noise, needed > 0); default 0, as torchcfm'),
  reg: z.number().positive().optional().describe("sbcfm: Sinkhorn's entropic regularisation of the minibatch plan (default 2 sigma^2)"),
  source: pluginConfigSchema.optional().describe('flow objectives but fm: the data source of the flow at t = 0 (default N(0, I))'),
  teacher: pluginConfigSchema.optional().describe('reflow: the trained flow (a velocity model, e.g. { type: network, checkpoint }) whose ODE maps source points to their pairs'),
  teacherSteps: z.number().int().min(1).optional().describe("reflow: Euler steps of the teacher's ODE from t = 0 to 1 (default 100, torchcfm's evaluation)"),
  steps: z.number().int().min(1).default(5000).describe('optimiser steps'),
  batchSize: z.number().int().min(1).default(TRAIN_DEFAULTS.batchSize).describe('rows per step'),
  poolSize: z.number().int().min(1).default(TRAIN_DEFAULTS.poolSize).describe('particles drawn once from the data, then sampled with replacement'),
  learningRate: z.number().positive().default(OPTIMIZER_DEFAULTS.learningRate).describe('peak Adam learning rate'),
  warmup: z.number().int().min(0).default(OPTIMIZER_DEFAULTS.warmup).describe('steps of linear learning-rate warm-up'),
  clipNorm: z.number().positive().default(OPTIMIZER_DEFAULTS.clipNorm).describe('largest global gradient norm'),
  // Optional rather than defaulted, as `engine`: resolved configs without it stay as they were.
  weightDecay: z
    .number()
    .min(0)
    .finite()
    .optional()
    .describe("AdamW's decoupled weight decay lambda (Loshchilov & Hutter 2019; PyTorch's AdamW weight_decay); default 0, plain Adam"),
  eps: z.number().positive().default(TRAINER_DEFAULTS.eps).describe('times are drawn from U[eps, T] (dsm, classifier)'),
  weighting: z.enum(WEIGHTINGS).default(TRAINER_DEFAULTS.weighting).describe('lambda(t) of the DSM loss: s2 = s(t)^2, likelihood = g(t)^2'),
  labelDropout: z.number().min(0).lt(1).default(TRAINER_DEFAULTS.labelDropout).describe('probability of training a row on the null label (with classes; classifier-free guidance)'),
  emaDecay: z.number().min(0).lt(1).default(EMA_DECAY).describe('decay of the weight EMA (the weights sampled with)'),
  emaWarmup: z.boolean().default(true).describe('warm the EMA decay up as min(decay, (1 + k) / (10 + k)) at update k'),
  workers: workersOption.describe('worker threads sharing each batch with the main thread (auto: one per extra core on wasm and cpu, 0 on tensorflow); dsm only'),
  // Optional rather than defaulted: the resolved config (a checkpoint's metadata, compared on resume) stays as before without it.
  engine: z
    .enum(['tfjs', 'wasm'])
    .optional()
    .describe("what computes the DSM gradients: tfjs (TensorFlow.js's autodiff on backend; the default), or wasm (score-nets' WebAssembly SIMD kernels: an eps MLP with SiLU, no residual layers, no classes); dsm only"),
  checkpointEvery: z.number().int().min(1).default(1000).describe('steps between checkpoints (one is also saved at the end and on Ctrl-C)'),
});

/** The learned-vs-exact score error, for data sources with an exact score (gaussian-mixture); dsm only. */
const scoreErrorSchema = z.strictObject({
  particles: z.number().int().min(1).default(4096).describe('samples of p_t per time'),
  times: z
    .array(z.number().gt(0).max(1))
    .min(1)
    .default([0.05, 0.1, 0.25, 0.5, 1])
    .describe('times as fractions of the SDE T'),
});

/**
 * The train config of `scoreflow train` (YAML or JSON): a config with a `training` field. It
 * names a data source and an SDE by `type`, as run configs do, the network's options and the
 * training's; a flow objective (`training.objective` icfm, fm, otcfm, sbcfm, reflow) takes no SDE
 * and trains a velocity network. See the README's "Training a score network" and docs/flows.md.
 */
export const trainConfigSchema = z.strictObject({
  name: configName.describe('name of the training; the default output folder is out/NAME'),
  description: z.string().optional().describe('one line about the training'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of the initial weights, the data pool and every draw'),
  dim: z.number().int().min(1).default(2).describe('dimension of the particles (for sources without their own, e.g. gaussian)'),
  backend: backendOption,
  data: pluginConfigSchema.describe('the data source to learn the score of (flow objectives: the law at t = 1)'),
  sde: pluginConfigSchema.optional().describe('the forward SDE; sample with the same one (dsm and classifier; flow objectives take none)'),
  network: z.preprocess(requireUnetType, z.discriminatedUnion('type', [networkSchema, unetNetworkSchema])).default(networkSchema.parse({})),
  training: trainingSchema,
  scoreError: scoreErrorSchema.default(scoreErrorSchema.parse({})),
});

export type TrainConfig = z.output<typeof trainConfigSchema>;

/** Whether a parsed config is a train config: it has a `training` field. */
export const isTrainConfig = (raw: unknown): boolean => raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'training' in raw;
