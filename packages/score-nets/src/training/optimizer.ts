import { tf } from '../backend/tf.js';

/** Options of the optimiser; all have defaults. */
export interface OptimizerOptions {
  /** Peak Adam learning rate (default 1e-3; Kingma & Ba 2015). */
  readonly learningRate?: number;
  /** Steps of linear learning-rate warm-up from learningRate / warmup (default 100; Goyal et al. 2017). */
  readonly warmup?: number;
  /** Largest global gradient norm; larger gradients are scaled down (default 1; Pascanu et al. 2013). */
  readonly clipNorm?: number;
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

/** Adam with warm-up and clipping over a fixed list of variables. */
export interface ClippedAdam {
  /** The learning rate of step `step` (0-based) after warm-up. */
  learningRateAt(step: number): number;
  /** Resolves when a resumed state is in place (tfjs restores it asynchronously); await before `apply`. */
  ready(): Promise<void>;
  /**
   * Step `step` (0-based): scales `gradients` (one per variable, in order) down to global norm
   * `clipNorm` at most, then applies Adam at the warmed-up learning rate. Takes ownership of
   * nothing: the caller disposes `gradients`.
   */
  apply(gradients: readonly tf.Tensor[], step: number): void;
  /** A copy of the state that resumes training, `steps` taken. */
  state(steps: number): Promise<TrainerState>;
  dispose(): void;
}

/**
 * Adam (Kingma & Ba 2015) with linear warm-up and global-norm clipping, the optimiser of the
 * score_sde recipes, restorable from a `TrainerState` so that a resumed run matches an
 * uninterrupted one bit for bit.
 */
export function clippedAdam(variables: readonly tf.Variable[], options: OptimizerOptions = {}, resume?: TrainerState): ClippedAdam {
  const { learningRate = 1e-3, warmup = 100, clipNorm = 1 } = options;
  for (const [field, value] of [['learningRate', learningRate], ['clipNorm', clipNorm]] as const) {
    if (!(value > 0)) throw new RangeError(`clippedAdam: ${field} must be > 0, got ${value}.`);
  }
  if (!(Number.isSafeInteger(warmup) && warmup >= 0)) throw new RangeError(`clippedAdam: warmup must be an integer >= 0, got ${warmup}.`);
  const optimizer = tf.train.adam(learningRate);
  // Adam reads its learning rate at each applyGradients; tfjs keeps the field protected.
  const settable = optimizer as unknown as { learningRate: number };
  const names = variables.map((v) => v.name);
  let restoring: Promise<void> | undefined;
  const restored = resume !== undefined && resume.optimizer.length > 0;
  if (resume && restored) {
    if (resume.optimizer.length !== 1 + 2 * variables.length) {
      throw new RangeError(`clippedAdam: resume.optimizer must hold 1 + 2 * ${variables.length} tensors, got ${resume.optimizer.length}.`);
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
  let applied = false;
  const learningRateAt = (step: number): number => learningRate * Math.min(1, (step + 1) / Math.max(1, warmup));
  return {
    learningRateAt,
    ready: async () => {
      await restoring;
    },
    apply(gradients, step) {
      if (gradients.length !== variables.length) throw new RangeError(`ClippedAdam.apply: expected ${variables.length} gradients, got ${gradients.length}.`);
      settable.learningRate = learningRateAt(step);
      tf.tidy(() => {
        const norm = tf.sqrt(tf.addN(gradients.map((g) => tf.sum(tf.square(g)))));
        const factor = tf.div(clipNorm, tf.maximum(norm, clipNorm));
        optimizer.applyGradients(gradients.map((g, i) => ({ name: names[i] as string, tensor: tf.mul(g, factor) })));
      });
      applied = true;
    },
    async state(steps) {
      await restoring;
      if (!applied && !restored) return { steps, optimizer: [] };
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
