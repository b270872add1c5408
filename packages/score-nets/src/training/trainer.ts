import type { Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { dsmLoss } from './dsm-loss.js';
import { stepSeed, uniformSource } from './uniform.js';

/** Options of the optimiser and of the time sampling; all have defaults. */
export interface TrainerOptions {
  /** Peak Adam learning rate (default 1e-3; Kingma & Ba 2015). */
  readonly learningRate?: number;
  /** Steps of linear learning-rate warm-up from learningRate / warmup (default 100; Goyal et al. 2017). */
  readonly warmup?: number;
  /** Largest global gradient norm; larger gradients are scaled down (default 1; Pascanu et al. 2013). */
  readonly clipNorm?: number;
  /** Times are drawn from U[eps, T] (default 1e-3: s(0) = 0 makes the loss singular at t = 0). */
  readonly eps?: number;
  /** Seed of the times, noises and batch indices (default 0). */
  readonly seed?: number;
  /** Continues from a saved `TrainerState` (same network weights, options and seed). */
  readonly resume?: TrainerState;
}

/**
 * What resumes training: the steps taken and Adam's state (`optimizer.getWeights()`: the
 * iteration count, then the first and second moments in the order of the network's variables).
 * The caller owns the tensors (`disposeTrainerState`).
 */
export interface TrainerState {
  readonly steps: number;
  readonly optimizer: readonly { readonly name: string; readonly tensor: tf.Tensor }[];
  /**
   * Adam's running powers beta1^(k+1), beta2^(k+1) as it holds them (products of float32
   * multiplies): `setWeights` recomputes them with `pow`, which differs in the last bit and
   * would make a resumed run drift from an uninterrupted one.
   */
  readonly adamPowers?: readonly [number, number];
}

/** AdamOptimizer's private running powers of beta1 and beta2 (tfjs-core 4.22). */
interface AdamPowers {
  accBeta1?: tf.Variable;
  accBeta2?: tf.Variable;
}

/** Frees the tensors of a `TrainerState`. */
export function disposeTrainerState(state: TrainerState): void {
  tf.dispose(state.optimizer.map((w) => w.tensor));
}

/** One DSM training step on a batch of data; owns an Adam optimiser. */
export interface Trainer {
  /** Steps taken so far. */
  readonly steps: number;
  /** The learning rate of step `step` (0-based) after warm-up. */
  learningRateAt(step: number): number;
  /** Trains on `x0` (row-major, n * dim) and returns the loss before the update. */
  step(x0: Float32Array): Promise<number>;
  /** A copy of the state that resumes training (`TrainerOptions.resume`). */
  state(): Promise<TrainerState>;
  dispose(): void;
}

/**
 * A DSM trainer (Song et al. 2021, eq. 7, lambda = s^2): each step draws t ~ U[eps, T] and
 * z ~ N(0, I) per row, takes the gradient of `dsmLoss`, clips it by global norm, and applies
 * Adam at the warmed-up learning rate. Every temporary tensor is disposed; the optimiser's
 * moments are the only tensors it keeps.
 */
export function createTrainer(network: ScoreNetwork, sde: Sde, options: TrainerOptions = {}): Trainer {
  const { learningRate = 1e-3, warmup = 100, clipNorm = 1, eps = 1e-3, seed = 0, resume } = options;
  for (const [field, value] of [['learningRate', learningRate], ['clipNorm', clipNorm], ['eps', eps]] as const) {
    if (!(value > 0)) throw new RangeError(`createTrainer: ${field} must be > 0, got ${value}.`);
  }
  if (!(eps < sde.T)) throw new RangeError(`createTrainer: eps must be < the SDE's T = ${sde.T}, got ${eps}.`);
  const optimizer = tf.train.adam(learningRate);
  // Adam reads its learning rate at each applyGradients; tfjs keeps the field protected.
  const settable = optimizer as unknown as { learningRate: number };
  const variables = [...network.variables];
  const { dim } = network;
  let steps = resume?.steps ?? 0;
  let restoring: Promise<void> | undefined;
  if (resume && resume.optimizer.length > 0) {
    if (resume.optimizer.length !== 1 + 2 * variables.length) {
      throw new RangeError(`createTrainer: resume.optimizer must hold 1 + 2 * ${variables.length} tensors, got ${resume.optimizer.length}.`);
    }
    const powers = resume.adamPowers;
    const adam = optimizer as unknown as AdamPowers;
    restoring = optimizer.setWeights(resume.optimizer.map(({ name, tensor }) => ({ name, tensor: tf.clone(tensor) }))).then(() => {
      if (powers && adam.accBeta1 && adam.accBeta2) {
        tf.tidy(() => {
          adam.accBeta1?.assign(tf.scalar(powers[0]));
          adam.accBeta2?.assign(tf.scalar(powers[1]));
        });
      }
    });
  }
  const learningRateAt = (step: number): number => learningRate * Math.min(1, (step + 1) / Math.max(1, warmup));
  return {
    get steps() {
      return steps;
    },
    learningRateAt,
    async step(x0: Float32Array): Promise<number> {
      const n = x0.length / dim;
      if (!Number.isInteger(n) || n === 0) throw new RangeError(`Trainer.step: x0 must hold n * ${dim} values, n >= 1, got ${x0.length}.`);
      await restoring;
      const uniform = uniformSource(stepSeed(seed, steps, 1));
      const t = new Float32Array(n);
      for (let i = 0; i < n; i++) t[i] = eps + (sde.T - eps) * uniform();
      settable.learningRate = learningRateAt(steps);
      const noiseSeed = Math.floor(uniform() * 2 ** 31);
      const loss = tf.tidy(() => {
        const x = tf.tensor2d(x0, [n, dim]);
        const z = tf.randomNormal([n, dim], 0, 1, 'float32', noiseSeed) as tf.Tensor2D;
        const { value, grads } = tf.variableGrads(() => dsmLoss(network, sde, x, t, z), variables);
        const list = Object.values(grads);
        const norm = tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g)))));
        const factor = tf.div(clipNorm, tf.maximum(norm, clipNorm));
        optimizer.applyGradients(Object.entries(grads).map(([name, g]) => ({ name, tensor: tf.mul(g, factor) })));
        return value;
      });
      steps += 1;
      try {
        return (await loss.data())[0] ?? Number.NaN;
      } finally {
        loss.dispose();
      }
    },
    async state(): Promise<TrainerState> {
      await restoring;
      if (steps === (resume?.steps ?? 0) && !resume?.optimizer.length) return { steps, optimizer: [] };
      const weights = await optimizer.getWeights();
      // getWeights returns a fresh iteration scalar and the live moments: copy the moments.
      const optimizerState = weights.map(({ name, tensor }, i) => ({ name, tensor: i === 0 ? tensor : tf.clone(tensor) }));
      const { accBeta1, accBeta2 } = optimizer as unknown as AdamPowers;
      if (!accBeta1 || !accBeta2) return { steps, optimizer: optimizerState };
      const adamPowers: [number, number] = [(await accBeta1.data())[0] ?? 0, (await accBeta2.data())[0] ?? 0];
      return { steps, optimizer: optimizerState, adamPowers };
    },
    dispose: () => optimizer.dispose(),
  };
}
