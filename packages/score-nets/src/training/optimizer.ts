import { tf } from '../backend/tf.js';
import { assignFlatWeights, flattenTensors } from '../network/flat-weights.js';

/** The defaults of `OptimizerOptions`. */
export const OPTIMIZER_DEFAULTS = { learningRate: 1e-3, warmup: 100, clipNorm: 1, weightDecay: 0 } as const satisfies Required<OptimizerOptions>;

/** Options of the optimiser; all have defaults. */
export interface OptimizerOptions {
  /** Peak Adam learning rate (default 1e-3; Kingma & Ba 2015). */
  readonly learningRate?: number;
  /** Steps of linear learning-rate warm-up from learningRate / warmup (default 100; Goyal et al. 2017). */
  readonly warmup?: number;
  /** Largest global gradient norm; larger gradients are scaled down (default 1; Pascanu et al. 2013). */
  readonly clipNorm?: number;
  /**
   * Decoupled weight decay lambda (default 0: Adam): each step first shrinks every weight by
   * learning rate * lambda, then takes Adam's step, as AdamW (Loshchilov & Hutter 2019,
   * algorithm 2) and PyTorch's `torch.optim.AdamW` (whose default is 0.01; torchcfm's runner uses
   * 1e-5). The decay follows the warmed-up rate and is not clipped or scaled by Adam's moments.
   */
  readonly weightDecay?: number;
}

/**
 * What resumes training: the steps taken and Adam's state in the layout of tfjs's
 * `AdamOptimizer.getWeights()`: the iteration count, then the first moments, then the second
 * moments, each in the order of the network's variables. The caller owns the tensors
 * (`disposeTrainerState`).
 */
export interface TrainerState {
  readonly steps: number;
  readonly optimizer: readonly { readonly name: string; readonly tensor: tf.Tensor }[];
  /** Adam's running powers beta1^(k+1), beta2^(k+1), as float32 products (not recomputed with pow). */
  readonly adamPowers?: readonly [number, number];
}

/** Frees the tensors of a `TrainerState`. */
export function disposeTrainerState(state: TrainerState): void {
  tf.dispose(state.optimizer.map((w) => w.tensor));
}

/** Adam with warm-up and clipping over a fixed list of variables. */
export interface ClippedAdam {
  /** The learning rate of step `step` (0-based) after warm-up. */
  learningRateAt(step: number): number;
  /** The current weights, flat in the order of the variables (`flattenTensors`'s layout); do not modify. */
  readonly weights: Float32Array;
  /**
   * Step `step` (0-based) with `gradients` flat in the variables' order: scales them down to
   * global norm `clipNorm` at most, applies Adam at the warmed-up learning rate, and assigns the
   * new weights to the variables. `gradients` is used as scratch space.
   */
  applyFlat(gradients: Float32Array, step: number): void;
  /** The same with one gradient tensor per variable (not disposed). */
  apply(gradients: readonly tf.Tensor[], step: number): void;
  /** A copy of the state that resumes training, `steps` taken. */
  state(steps: number): TrainerState;
  dispose(): void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
/** tfjs's default epsilon on float32 backends (`backend.epsilon()`). */
const EPSILON = 1e-7;

/**
 * Adam (Kingma & Ba 2015, algorithm 1, as tfjs's `AdamOptimizer` computes it: beta1 0.9, beta2
 * 0.999, epsilon 1e-7 added to the bias-corrected root) with linear warm-up and global-norm
 * clipping, the optimiser of the score_sde recipes; AdamW with `weightDecay` > 0. It runs on the host over one flat copy of
 * the weights (35k numbers for the MLP 3x128: a fraction of a millisecond, against about 2 ms as
 * tfjs kernels on wasm) and assigns them to the variables after each step; the data-parallel
 * trainer sums the shards' flat gradients straight into it. Restorable from a `TrainerState`
 * so that a resumed run matches an uninterrupted one bit for bit.
 */
export function clippedAdam(variables: readonly tf.Variable[], options: OptimizerOptions = {}, resume?: TrainerState): ClippedAdam {
  const { learningRate = OPTIMIZER_DEFAULTS.learningRate, warmup = OPTIMIZER_DEFAULTS.warmup, clipNorm = OPTIMIZER_DEFAULTS.clipNorm, weightDecay = OPTIMIZER_DEFAULTS.weightDecay } = options;
  for (const [field, value] of [['learningRate', learningRate], ['clipNorm', clipNorm]] as const) {
    if (!(value > 0)) throw new RangeError(`clippedAdam: ${field} must be > 0, got ${value}.`);
  }
  if (!(weightDecay >= 0 && Number.isFinite(weightDecay))) throw new RangeError(`clippedAdam: weightDecay must be a finite number >= 0, got ${weightDecay}.`);
  if (!(Number.isSafeInteger(warmup) && warmup >= 0)) throw new RangeError(`clippedAdam: warmup must be an integer >= 0, got ${warmup}.`);
  const weights = flattenTensors(variables);
  const size = weights.length;
  const m = new Float32Array(size);
  const v = new Float32Array(size);
  let iterations = 0;
  let power1 = BETA1;
  let power2 = BETA2;
  if (resume !== undefined && resume.optimizer.length > 0) {
    if (resume.optimizer.length !== 1 + 2 * variables.length) {
      throw new RangeError(`clippedAdam: resume.optimizer must hold 1 + 2 * ${variables.length} tensors, got ${resume.optimizer.length}.`);
    }
    const tensors = resume.optimizer.map((w) => w.tensor);
    iterations = (tensors[0]?.dataSync()[0] as number) ?? 0;
    m.set(flattenTensors(tensors.slice(1, 1 + variables.length)));
    v.set(flattenTensors(tensors.slice(1 + variables.length)));
    [power1, power2] = resume.adamPowers ?? [Math.fround(BETA1 ** (iterations + 1)), Math.fround(BETA2 ** (iterations + 1))];
  }
  const learningRateAt = (step: number): number => learningRate * Math.min(1, (step + 1) / Math.max(1, warmup));
  const applyFlat = (gradients: Float32Array, step: number): void => {
    if (gradients.length !== size) throw new RangeError(`ClippedAdam.applyFlat: expected ${size} gradient values, got ${gradients.length}.`);
    let squares = 0;
    for (let i = 0; i < size; i++) squares += (gradients[i] as number) ** 2;
    const factor = clipNorm / Math.max(Math.sqrt(squares), clipNorm);
    const rate = learningRateAt(step);
    const correction1 = 1 - power1;
    const correction2 = 1 - power2;
    // AdamW's decoupled decay, theta <- theta (1 - rate lambda) before the Adam step (exactly 1 without decay).
    const shrink = 1 - rate * weightDecay;
    for (let i = 0; i < size; i++) {
      const g = (gradients[i] as number) * factor;
      const first = (m[i] = BETA1 * (m[i] as number) + (1 - BETA1) * g);
      const second = (v[i] = BETA2 * (v[i] as number) + (1 - BETA2) * g * g);
      weights[i] = (weights[i] as number) * shrink - (rate * (first / correction1)) / (Math.sqrt(second / correction2) + EPSILON);
    }
    power1 = Math.fround(power1 * BETA1);
    power2 = Math.fround(power2 * BETA2);
    iterations += 1;
    assignFlatWeights(variables, weights);
  };
  const moments = (values: Float32Array, suffix: string) => {
    let offset = 0;
    return variables.map((variable, i) => {
      const tensor = tf.tensor(values.slice(offset, offset + variable.size), variable.shape, 'float32');
      offset += variable.size;
      return { name: `w${i}/${suffix}`, tensor };
    });
  };
  return {
    learningRateAt,
    weights,
    applyFlat,
    apply: (gradients, step) => {
      if (gradients.length !== variables.length) throw new RangeError(`ClippedAdam.apply: expected ${variables.length} gradients, got ${gradients.length}.`);
      applyFlat(flattenTensors(gradients), step);
    },
    state: (steps) =>
      iterations === 0 && resume === undefined
        ? { steps, optimizer: [] }
        : { steps, optimizer: [{ name: 'iter', tensor: tf.scalar(iterations, 'float32') }, ...moments(m, 'm'), ...moments(v, 'v')], adamPowers: [power1, power2] },
    dispose: () => undefined,
  };
}
