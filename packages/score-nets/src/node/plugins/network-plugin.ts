import { ConfigError, type DeferredScoreDescription, type ScoreModel, type Sde, definePlugin, isConfigError, requireSde } from '@scoreflow/core';
import { z } from 'zod';
import { type BackendName, selectBackend } from '../../backend/index.js';
import { isSdeSignature, loadNetwork, sdeMismatch } from '../../checkpoint/index.js';
import { deferredMlpDescription, networkScore } from '../../network/index.js';
import { disposeTrainerState } from '../../training/index.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { parallelNetworkScore } from '../parallel/parallel-network-score.js';
import { autoWorkers } from '../parallel/parallel-options.js';
import { backendOption, threadsInWords, workersOption } from '../parallel/parallel-schemas.js';
import type { BuiltNetwork } from '../../unet/network-of.js';
import { isUnetOptions } from '../../unet/unet-options.js';
import { type CheckpointInfo, readCheckpointInfo } from './read-checkpoint-info.js';
import { networkEngineOption, wasmEngineScore } from './wasm-engine.js';

/**
 * Options of the `network` score model: `checkpoint` (a folder written by `scoreflow train`;
 * relative to the config file), `weights` (`ema`, the default, or `raw`), `backend` (`best`, the
 * default: tensorflow when tfjs-node is installed, else wasm; or `wasm`, `cpu`, `tensorflow`),
 * `workers` (`auto` or a count: `parallelNetworkScore`), `label` (a class of a conditional network),
 * `engine` (`tfjs`, the default, or `wasm`: an MLP on score-nets' WebAssembly SIMD kernels,
 * `wasmEngineScore`; the same checkpoint).
 */
export const networkOptions = z.strictObject({
  checkpoint: z.string().min(1).describe('checkpoint folder written by scoreflow train (model.json, weights.bin); relative to the config file'),
  weights: z.enum(['ema', 'raw']).default('ema').describe('ema: the averaged weights (when saved), raw: the last trained ones'),
  backend: backendOption,
  workers: workersOption.describe('worker threads sharing each score evaluation with the main thread (auto: one per extra core on wasm and cpu, 0 on tensorflow)'),
  label: z.number().int().min(0).optional().describe('the class to sample, for a network trained with classes (default: unconditional)'),
  engine: networkEngineOption,
});

/** The checkpoint's info, or a `ConfigError` naming the `checkpoint` option. */
export function checkpointInfo(folder: string, path: string): CheckpointInfo {
  const info = readCheckpointInfo(folder);
  if ('problem' in info) throw new ConfigError('Invalid network score model', [{ path: `${path}.checkpoint`, message: info.problem }]);
  return info;
}

/** Rejects a pipeline SDE other than the one the checkpoint was trained under (when its metadata says). */
export function checkSde(info: CheckpointInfo, sde: Sde, path: string): void {
  const signature = info.metadata.sde;
  if (!isSdeSignature(signature)) return;
  const problem = sdeMismatch(signature, sde);
  if (problem === undefined) return;
  const trained = (info.metadata.config as { sde?: unknown } | undefined)?.sde;
  const hint = trained === undefined ? '' : `; train under it, or use the training SDE ${JSON.stringify(trained)}`;
  throw new ConfigError('Invalid network score model', [
    { path: `${path}.checkpoint`, message: `was trained under another SDE than the pipeline's '${sde.name}': ${problem}${hint}` },
  ]);
}

/**
 * A rejection handler that turns bad input without a place (`CheckpointError`,
 * `BackendUnavailableError`) into a `ConfigError` at the option `path.option` that caused it, and
 * throws any other error as it is.
 */
export const atOption =
  (path: string, option: string, what = '') =>
  (error: unknown): never => {
    if (!isConfigError(error) || error.issues.length > 0) throw error;
    throw new ConfigError('Invalid network score model', [{ path: `${path}.${option}`, message: `${what}${error.message}` }], { cause: error });
  };

/**
 * Score model `network`: a score network trained by `scoreflow train`, read from its checkpoint
 * folder. `create` reads model.json synchronously (so that `validate` checks the folder and
 * learns `dim`) and rejects a pipeline SDE whose marginal differs from the training SDE's (the
 * network's output becomes a score through the pipeline SDE's marginal, `networkScore`). The
 * first `score` call selects the backend and loads the weights, once; a backend that cannot be
 * loaded or weights that cannot be read reject it with a `ConfigError` naming the option. An MLP
 * checkpoint describes itself for `device: webgpu` at once (`deferredMlpDescription`: an `mlp` of
 * the checkpoint's `dim`, from model.json), the same weights loaded when the GPU stage asks on its
 * first batch; a U-Net does not describe itself.
 *
 * @example
 * // config: { type: network, checkpoint: ../../out/two-moons-train/checkpoint }
 */
export const networkPlugin = definePlugin({
  kind: 'score-model',
  name: 'network',
  description: 'A score network trained by scoreflow train, from its checkpoint folder (EMA weights by default); TF.js, loaded on first use.',
  options: networkOptions,
  create: (options, ctx): ScoreModel => {
    const info = checkpointInfo(options.checkpoint, ctx.path);
    const sde = requireSde(ctx, 'the network score model');
    checkSde(info, sde, ctx.path);
    if (info.options.output === 'velocity') {
      const objective = typeof info.metadata.objective === 'string' ? ` (trained by training.objective ${info.metadata.objective})` : '';
      throw new ConfigError('Invalid network score model', [
        {
          path: `${ctx.path}.checkpoint`,
          message: `holds a velocity network${objective}, not a score network: integrate it as a velocity model, { type: flow-euler, velocity: { type: network, checkpoint } }`,
        },
      ]);
    }
    if (info.options.outputs !== undefined) {
      throw new ConfigError('Invalid network score model', [
        { path: `${ctx.path}.checkpoint`, message: `holds a noisy classifier of ${info.options.outputs} classes, not a score network: use it as { type: network-classifier, checkpoint, label }` },
      ]);
    }
    const classes = info.options.classes ?? 0;
    if (options.label !== undefined && options.label >= classes) {
      const allowed = classes === 0 ? 'none: the network was trained without classes' : `0 to ${classes - 1}`;
      throw new ConfigError('Invalid network score model', [{ path: `${ctx.path}.label`, message: `must be a class of the network (${allowed}), got ${options.label}` }]);
    }
    const name = `network(${options.weights === 'ema' && info.hasEma ? 'ema' : 'raw'})`;
    const label = options.label === undefined ? {} : { label: options.label };
    let network: Promise<{ network: BuiltNetwork; backend: BackendName }> | undefined;
    // The backend and the weights, read once, for the score calls and the description alike.
    const loadNetworkOnce = () =>
      (network ??= (async () => {
        const backend = await selectBackend(options.backend).catch(atOption(ctx.path, 'backend'));
        ctx.run.logger.info(`network score model at ${ctx.path}: TensorFlow.js backend ${backend}`);
        const loaded = await loadNetwork(fileCheckpoint(options.checkpoint), { weights: options.weights }).catch(atOption(ctx.path, 'checkpoint', `cannot load ${options.checkpoint}: `));
        loaded.ema?.dispose();
        if (loaded.trainer) disposeTrainerState(loaded.trainer);
        return { network: loaded.network, backend };
      })());
    let ready: Promise<ScoreModel> | undefined;
    const load = async (): Promise<ScoreModel> => {
      const { network: loaded, backend } = await loadNetworkOnce();
      const workers = options.workers === 'auto' ? autoWorkers(options.engine === 'wasm' ? 'wasm' : backend) : options.workers;
      if (options.engine === 'wasm') {
        ctx.run.logger.info(`network score model at ${ctx.path}: WebAssembly SIMD kernels${workers > 0 ? `, ${threadsInWords(workers)}` : ''}`);
        return wasmEngineScore(loaded, sde, { name, workers, path: ctx.path, ...label });
      }
      if (workers === 0) return networkScore(loaded, sde, { name, ...label });
      ctx.run.logger.info(`network score model at ${ctx.path}: ${threadsInWords(workers)}`);
      return parallelNetworkScore(loaded, sde, { name, workers, backend, ...label });
    };
    // An MLP checkpoint describes itself for device webgpu before its weights load: the weights on the first batch.
    let description: DeferredScoreDescription | undefined;
    const describe = () =>
      (description ??= deferredMlpDescription(info.options.dim, `${ctx.path}.checkpoint`, async () => (await loadNetworkOnce()).network, options.label));
    return {
      name,
      dim: info.options.dim,
      ...(!isUnetOptions(info.options) && { describe }),
      async score(x, t, out) {
        ready ??= load();
        await (await ready).score(x, t, out);
      },
      async divergence(x, t, out, probe) {
        ready ??= load();
        const model = await ready;
        await model.divergence?.(x, t, out, probe);
      },
    };
  },
});
