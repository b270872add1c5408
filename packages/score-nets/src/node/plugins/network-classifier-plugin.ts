import { ConfigError, type ScoreModel, definePlugin, requireSde } from '@scoreflow/core';
import { z } from 'zod';
import { selectBackend } from '../../backend/index.js';
import { loadNetwork } from '../../checkpoint/index.js';
import { classifierScore } from '../../classifier/index.js';
import { disposeTrainerState } from '../../training/index.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { backendOption } from '../parallel/parallel-schemas.js';
import { atOption, checkSde, checkpointInfo } from './network-plugin.js';

/** Options of `network-classifier`: the checkpoint folder, the label, the weights and the backend. */
export const networkClassifierOptions = z.strictObject({
  checkpoint: z.string().min(1).describe('checkpoint folder of a noisy classifier written by scoreflow train (training.objective: classifier); relative to the config file'),
  label: z.number().int().min(0).describe('the class y whose log-likelihood gradient grad log p(y | x, t) it gives'),
  weights: z.enum(['ema', 'raw']).default('ema').describe('ema: the averaged weights (when saved), raw: the last trained ones'),
  backend: backendOption,
});

/**
 * Score model `network-classifier`: grad_x log p_phi(y | x, t) of a noisy classifier trained by
 * `scoreflow train` with `training.objective: classifier` (`classifierScore`), the `classifier` of
 * `classifier-guidance` for a learned score. `create` reads model.json synchronously (a score
 * network's checkpoint, another SDE than the training one, or a label out of range are
 * `ConfigError`s at their options); the first call selects the backend and loads the weights.
 *
 * @example
 * // config: { type: network-classifier, checkpoint: ../../out/classifier-train/checkpoint, label: 1 }
 */
export const networkClassifierPlugin = definePlugin({
  kind: 'score-model',
  name: 'network-classifier',
  description: 'grad log p(y | x, t) of a noisy classifier trained by scoreflow train (objective classifier), for classifier guidance',
  options: networkClassifierOptions,
  create: (options, ctx): ScoreModel => {
    const info = checkpointInfo(options.checkpoint, ctx.path);
    const sde = requireSde(ctx, 'the network classifier');
    checkSde(info, sde, ctx.path);
    const classes = info.options.outputs ?? 0;
    const fail = (field: string, message: string): never => {
      throw new ConfigError('Invalid network classifier', [{ path: `${ctx.path}.${field}`, message }]);
    };
    if (classes < 2) fail('checkpoint', 'holds a score network, not a noisy classifier: train one with training.objective: classifier');
    if (options.label >= classes) fail('label', `must be a class of the classifier (0 to ${classes - 1}), got ${options.label}`);
    const name = `network-classifier(${options.weights === 'ema' && info.hasEma ? 'ema' : 'raw'})`;
    let ready: Promise<ScoreModel> | undefined;
    const load = async (): Promise<ScoreModel> => {
      const backend = await selectBackend(options.backend).catch(atOption(ctx.path, 'backend'));
      ctx.run.logger.info(`network classifier at ${ctx.path}: TensorFlow.js backend ${backend}`);
      const loaded = await loadNetwork(fileCheckpoint(options.checkpoint), { weights: options.weights }).catch(atOption(ctx.path, 'checkpoint', `cannot load ${options.checkpoint}: `));
      loaded.ema?.dispose();
      if (loaded.trainer) disposeTrainerState(loaded.trainer);
      return classifierScore(loaded.network, options.label, name);
    };
    return {
      name,
      dim: info.options.dim,
      async score(x, t, out) {
        ready ??= load();
        await (await ready).score(x, t, out);
      },
    };
  },
});
