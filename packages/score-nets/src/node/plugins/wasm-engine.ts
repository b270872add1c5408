import { ConfigError, type ScoreModel, type Sde } from '@scoreflow/core';
import { z } from 'zod';
import { describeMlp, mlpOf } from '../../network/describe-mlp.js';
import { networkScore } from '../../network/network-score.js';
import type { BuiltNetwork } from '../../unet/network-of.js';
import { parallelWasmScore } from '../parallel/parallel-wasm-score.js';

/** What evaluates the network's score: TF.js (its backend), or the WebAssembly SIMD kernels of score-nets' `wasm/`. */
export const NETWORK_ENGINES = ['tfjs', 'wasm'] as const;

/** A config's engine: `tfjs` (the default) or `wasm`. */
export const networkEngineOption = z
  .enum(NETWORK_ENGINES)
  .default('tfjs')
  .describe('what evaluates the score: tfjs (TensorFlow.js on backend), or wasm (hand-written WebAssembly SIMD kernels of an MLP, on the main thread and workers)');

/** Where the `wasm` engine runs: the plugin's name, label, workers and config path. */
export interface WasmEngineSettings {
  readonly name: string;
  readonly label?: number;
  readonly workers: number;
  /** The score model's config path: problems are reported at `${path}.engine`. */
  readonly path: string;
}

const atEngine = (path: string, message: string, cause?: unknown) =>
  new ConfigError('Invalid network score model', [{ path: `${path}.engine`, message }], cause === undefined ? undefined : { cause });

/**
 * The `network` score model on `engine: wasm`: the loaded network described as data
 * (`describeMlp`: the same weights) and evaluated by `parallelWasmScore` on the main thread and
 * `workers` worker threads; its `divergence` (likelihoods) stays TF.js's autodiff. A `ConfigError`
 * at `engine` where the kernels cannot run: a U-Net checkpoint, an activation they lack, no
 * WebAssembly SIMD.
 */
export async function wasmEngineScore(network: BuiltNetwork, sde: Sde, settings: WasmEngineSettings): Promise<ScoreModel> {
  const { name, label, workers, path } = settings;
  const mlp = mlpOf(network);
  if (mlp === undefined) throw atEngine(path, "wasm evaluates MLP networks, and this checkpoint holds a U-Net: use engine 'tfjs'");
  let model: ScoreModel | undefined;
  try {
    model = await parallelWasmScore(describeMlp(mlp, label ?? mlp.classes), sde, { workers, name });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw atEngine(path, `wasm cannot evaluate this network: ${error.message} Use engine 'tfjs'.`, error);
  }
  if (model === undefined) throw atEngine(path, "this JavaScript engine has no WebAssembly SIMD: use engine 'tfjs'");
  const { divergence } = networkScore(network, sde, { name, ...(label !== undefined && { label }) });
  return { name, dim: model.dim, score: model.score.bind(model), ...(divergence && { divergence }) };
}
