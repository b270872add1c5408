import { pluginConfigSchema } from '@scoreflow/core';
import { ACTIVATIONS, EMA_DECAY, MLP_DEFAULTS, OPTIMIZER_DEFAULTS, OUTPUT_KINDS, TIME_EMBEDDINGS, TRAINER_DEFAULTS, TRAIN_DEFAULTS, WEIGHTINGS } from '@scoreflow/score-nets';
import { backendOption, workersOption } from '@scoreflow/score-nets/node';
import { z } from 'zod';
import { configName } from './run-config.js';

/**
 * The score network's options (`mlpScoreNetwork`'s, less `dim`, which the data give, and `seed`, the config's);
 * the defaults and choices are score-nets' own.
 */
const networkSchema = z.strictObject({
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

/** What a training learns: a score (`dsm`) or a noisy classifier of the data's labels (`classifier`). */
export const TRAINING_OBJECTIVES = ['dsm', 'classifier'] as const;

/** The objective, the optimiser, the batches and when to save. */
const trainingSchema = z.strictObject({
  objective: z
    .enum(TRAINING_OBJECTIVES)
    .default('dsm')
    .describe('dsm: a score network by denoising score matching; classifier: a noisy classifier p(y | x_t, t) by cross-entropy over random t (for classifier guidance)'),
  steps: z.number().int().min(1).default(5000).describe('optimiser steps'),
  batchSize: z.number().int().min(1).default(TRAIN_DEFAULTS.batchSize).describe('rows per step'),
  poolSize: z.number().int().min(1).default(TRAIN_DEFAULTS.poolSize).describe('particles drawn once from the data, then sampled with replacement'),
  learningRate: z.number().positive().default(OPTIMIZER_DEFAULTS.learningRate).describe('peak Adam learning rate'),
  warmup: z.number().int().min(0).default(OPTIMIZER_DEFAULTS.warmup).describe('steps of linear learning-rate warm-up'),
  clipNorm: z.number().positive().default(OPTIMIZER_DEFAULTS.clipNorm).describe('largest global gradient norm'),
  eps: z.number().positive().default(TRAINER_DEFAULTS.eps).describe('times are drawn from U[eps, T]'),
  weighting: z.enum(WEIGHTINGS).default(TRAINER_DEFAULTS.weighting).describe('lambda(t) of the DSM loss: s2 = s(t)^2, likelihood = g(t)^2'),
  labelDropout: z.number().min(0).lt(1).default(TRAINER_DEFAULTS.labelDropout).describe('probability of training a row on the null label (with classes; classifier-free guidance)'),
  emaDecay: z.number().min(0).lt(1).default(EMA_DECAY).describe('decay of the weight EMA (the weights sampled with)'),
  emaWarmup: z.boolean().default(true).describe('warm the EMA decay up as min(decay, (1 + k) / (10 + k)) at update k'),
  workers: workersOption.describe('worker threads sharing each batch with the main thread (auto: one per extra core on wasm and cpu, 0 on tensorflow)'),
  checkpointEvery: z.number().int().min(1).default(1000).describe('steps between checkpoints (one is also saved at the end and on Ctrl-C)'),
});

/** The learned-vs-exact score error, for data sources with an exact score (gaussian-mixture). */
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
 * training's. See the README's "Training a score network".
 */
export const trainConfigSchema = z.strictObject({
  name: configName.describe('name of the training; the default output folder is out/NAME'),
  description: z.string().optional().describe('one line about the training'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of the initial weights, the data pool and every draw'),
  dim: z.number().int().min(1).default(2).describe('dimension of the particles (for sources without their own, e.g. gaussian)'),
  backend: backendOption,
  data: pluginConfigSchema.describe('the data source to learn the score of'),
  sde: pluginConfigSchema.describe('the forward SDE; sample with the same one'),
  network: networkSchema.default(networkSchema.parse({})),
  training: trainingSchema,
  scoreError: scoreErrorSchema.default(scoreErrorSchema.parse({})),
});

export type TrainConfig = z.output<typeof trainConfigSchema>;

/** Whether a parsed config is a train config: it has a `training` field. */
export const isTrainConfig = (raw: unknown): boolean => raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'training' in raw;
