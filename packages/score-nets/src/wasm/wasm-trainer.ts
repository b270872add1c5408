import type { Sde } from '@scoreflow/core';
import { describeMlp, mlpOf } from '../network/describe-mlp.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { clippedAdam } from '../training/optimizer.js';
import { type Trainer, type TrainerOptions, trainerBatch, trainerSettings } from '../training/trainer.js';
import { wasmDsmGradients } from './wasm-dsm.js';
import type { MlpKernelsVariant } from './wasm-mlp-module.js';

/** Options of `createWasmTrainer`: the trainer's, and the build of the kernels (default: the best this engine runs). */
export interface WasmTrainerOptions extends TrainerOptions {
  readonly kernels?: MlpKernelsVariant;
}

/**
 * `createTrainer` with the DSM gradient computed by the WebAssembly SIMD kernels
 * (`wasmDsmGradients`) instead of TF.js's autodiff: the same batches (`trainerBatch`), the same
 * `clippedAdam` on the host over the flat weights (35k numbers for the MLP 3x128: a fraction of a
 * millisecond, so it stays JavaScript), which assigns the new weights to the network's variables
 * after each step; checkpoints, EMA and resume are unchanged. One thread. Equal to `createTrainer`
 * up to float32 roundoff in the gradients. Throws a `RangeError` for a network the kernels do not
 * train (an eps MLP with SiLU, no residual, no classes) or where WebAssembly SIMD is missing.
 */
export function createWasmTrainer(network: ScoreNetwork, sde: Sde, options: WasmTrainerOptions = {}): Trainer {
  const mlp = mlpOf(network);
  if (mlp === undefined) throw new RangeError('createWasmTrainer: the kernels train an MLP, not this network.');
  const settings = trainerSettings(network, sde, options);
  const gradientsOf = wasmDsmGradients(describeMlp(mlp), options.kernels);
  if (gradientsOf === undefined) throw new RangeError(`createWasmTrainer: this JavaScript engine has no WebAssembly ${options.kernels === 'relaxed-simd' ? 'relaxed SIMD' : 'SIMD'}.`);
  const adam = clippedAdam([...network.variables], options, options.resume);
  let steps = options.resume?.steps ?? 0;
  return {
    get steps() {
      return steps;
    },
    learningRateAt: adam.learningRateAt,
    step(x0, labels) {
      const { loss, gradients } = gradientsOf(adam.weights, trainerBatch(network, sde, settings, x0, steps, labels));
      adam.applyFlat(gradients, steps);
      steps += 1;
      return Promise.resolve(loss);
    },
    state: () => Promise.resolve(adam.state(steps)),
    dispose: () => adam.dispose(),
  };
}
