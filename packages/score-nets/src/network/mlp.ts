import { type Rng, createRng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { applyDense, dense } from './dense.js';
import { keyedMatrix } from './keyed-init.js';
import type { OutputKind } from './parameterisation.js';
import { type TimeEmbedding, type TimeEmbeddingKind, fourierEmbedding, sinusoidalEmbedding } from './time-embedding.js';

/** A network of positions x (n x dim) and times t (n) whose output means `output`. */
export interface ScoreNetwork {
  readonly dim: number;
  readonly output: OutputKind;
  /** Classes of a conditional network (labels 0 .. classes - 1); 0 when it takes no labels. */
  readonly classes: number;
  /**
   * Raw output (n x `outputs`, default dim); the caller owns the returned tensor. `t` is one time per row, or one
   * number for all rows (faster: the time embedding is folded into the first layer's bias).
   * `labels` (n, int32) condition a network with `classes`; without them, or where a label is
   * `classes` (the null label), it is the unconditional model.
   */
  apply(x: tf.Tensor2D, t: tf.Tensor1D | number, labels?: tf.Tensor1D): tf.Tensor2D;
  /** Trainable weights. */
  readonly variables: readonly tf.Variable[];
  dispose(): void;
}

/** An MLP score network; `options` rebuild it (same seed: same Fourier frequencies). */
export interface MlpScoreNetwork extends ScoreNetwork {
  readonly options: MlpOptions;
  /** The time embedding (its frequencies describe the network as data: `describeMlp`). */
  readonly time: TimeEmbedding;
}

/** Activations of the hidden layers. */
export const ACTIVATIONS = ['silu', 'relu', 'tanh', 'selu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Options of `mlpScoreNetwork`; everything but `dim` has a default. */
export interface MlpOptions {
  readonly dim: number;
  /** Hidden units per layer (default 128). */
  readonly width?: number;
  /** Hidden layers (default 3: dim + embedding -> 128 -> 128 -> 128 -> dim). */
  readonly depth?: number;
  /** Default `silu` (x sigmoid(x); Elfwing et al. 2018). */
  readonly activation?: Activation;
  /** Hidden layers after the first add their input: h <- h + act(W h + b) (He et al. 2016). */
  readonly residual?: boolean;
  /** Default `eps`. */
  readonly output?: OutputKind;
  /** Default `fourier`. */
  readonly embedding?: TimeEmbeddingKind;
  /** Size of the time embedding, even (default 16). */
  readonly embeddingSize?: number;
  /** Scale of the random Fourier frequencies (default 16). */
  readonly fourierScale?: number;
  /**
   * Classes of a conditional model (default 0: none). Labels 0 .. classes - 1 are embedded by a
   * learned table of `classes + 1` rows, the last the null label of the unconditional model
   * (classifier-free guidance, Ho & Salimans 2022), and the embedding joins the input.
   */
  readonly classes?: number;
  /** Size of the label embedding (default 16). */
  readonly labelEmbeddingSize?: number;
  /** Seed of the initial weights and Fourier frequencies (default 0). */
  readonly seed?: number;
  /**
   * Width of the linear output of a network that is not a score: a noisy classifier's C logits
   * (`noisyClassifier` sets it; its presence marks a classifier). Without it the output has `dim`
   * values (a score, eps or denoiser).
   */
  readonly outputs?: number;
}

/** The defaults of `MlpOptions`: the MLP 3x128 SiLU eps network of the toy recipes. */
export const MLP_DEFAULTS = {
  width: 128,
  depth: 3,
  activation: 'silu',
  residual: false,
  output: 'eps',
  embedding: 'fourier',
  embeddingSize: 16,
  fourierScale: 16,
  classes: 0,
  labelEmbeddingSize: 16,
  seed: 0,
} as const satisfies Required<Omit<MlpOptions, 'dim' | 'outputs'>>;

function activate(kind: Activation, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'silu':
      return tf.mul(x, tf.sigmoid(x));
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'selu':
      return tf.selu(x);
  }
}


/** A label embedding table, N(0, 1) entries as in torch.nn.Embedding, from the keyed RNG. */
function labelTable(rows: number, size: number, rng: Rng): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor2d(keyedMatrix(rng, 'mlp/labels', rows, size, { std: 1 }), [rows, size])));
}

/**
 * A multilayer perceptron score network, the toy-data model of Song et al. 2021 and of most
 * diffusion tutorials: input [x, embed(t)], `depth` hidden layers of `width` units with
 * `activation` (optionally residual), a linear output of size `dim` read as `output`.
 * Hand-written rank-2 dense layers with `tf.matMul` (faster than tfjs-layers here).
 */
export function mlpScoreNetwork(options: MlpOptions): MlpScoreNetwork {
  const d = MLP_DEFAULTS;
  const { dim, width = d.width, depth = d.depth, activation = d.activation, residual = d.residual, output = d.output } = options;
  const { embedding = d.embedding, embeddingSize = d.embeddingSize, fourierScale = d.fourierScale, seed = d.seed } = options;
  const { classes = d.classes, labelEmbeddingSize = d.labelEmbeddingSize, outputs = dim } = options;
  const sizes = [['dim', dim, 1], ['width', width, 1], ['depth', depth, 1], ['embeddingSize', embeddingSize, 2], ['classes', classes, 0], ['labelEmbeddingSize', labelEmbeddingSize, 1], ['outputs', outputs, 1]] as const;
  for (const [field, value, min] of sizes) {
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`mlpScoreNetwork: ${field} must be an integer >= ${min}, got ${value}.`);
  }
  if (embeddingSize % 2 !== 0) throw new RangeError(`mlpScoreNetwork: embeddingSize must be even, got ${embeddingSize}.`);
  const time: TimeEmbedding =
    embedding === 'fourier' ? fourierEmbedding(embeddingSize, fourierScale, seed) : sinusoidalEmbedding(embeddingSize);
  const labelSize = classes > 0 ? labelEmbeddingSize : 0;
  // Every initial weight from core's keyed RNG, one stream per layer (no hand-offset seeds).
  const rng = createRng(seed);
  const first = dense(dim + embeddingSize + labelSize, width, rng, 'mlp/layer-0');
  const hidden = Array.from({ length: depth - 1 }, (_, i) => dense(width, width, rng, `mlp/layer-${i + 1}`));
  const out = dense(width, outputs, rng, 'mlp/output', 0.1);
  const table = classes > 0 ? labelTable(classes + 1, labelSize, rng) : undefined;
  const variables = [first, ...hidden, out].flatMap((l) => [l.w, l.b]).concat(table ? [table] : []);
  const labelEmbedding = (rows: number, labels: tf.Tensor1D | undefined): tf.Tensor2D | undefined => {
    if (table === undefined) {
      if (labels !== undefined) throw new RangeError('ScoreNetwork.apply: labels were given to a network without classes.');
      return undefined;
    }
    const indices = labels ?? tf.fill([rows], classes, 'int32');
    // One-hot times the table: a rank-2 matMul, whose gradient every backend has. The one-hot is
    // made as int32 and cast: wasm's OneHot writes int32 bit patterns into a float32 output.
    return tf.matMul(tf.cast(tf.oneHot(tf.cast(indices, 'int32'), classes + 1), 'float32') as tf.Tensor2D, table as tf.Tensor2D) as tf.Tensor2D;
  };
  /** The first layer's pre-activation, input [x, embed(t), label embedding], one t per row. */
  const firstLayer = (x: tf.Tensor2D, t: tf.Tensor1D, labels: tf.Tensor1D | undefined): tf.Tensor2D => {
    const embedded = labelEmbedding(x.shape[0], labels);
    return applyDense(first, tf.concat([x, time.embed(t), ...(embedded ? [embedded] : [])], 1));
  };
  /**
   * The same for one t shared by all rows (sampling): embed(t) W_t is one row, folded into the
   * bias, so the time embedding is computed once and the matMul shrinks to the x (and label) rows.
   */
  const firstLayerAt = (x: tf.Tensor2D, t: number, labels: tf.Tensor1D | undefined): tf.Tensor2D => {
    const timeWeights = tf.slice(first.w, [dim, 0], [embeddingSize, width]) as tf.Tensor2D;
    // tf.add (not a reshape alone): wasm's fused matMul checks its bias's stored shape.
    const bias = tf.add(first.b, tf.reshape(tf.matMul(time.embed(tf.tensor1d([t])), timeWeights), [width]));
    const z = tf.fused.matMul({ a: x, b: tf.slice(first.w, [0, 0], [dim, width]) as tf.Tensor2D, bias }) as tf.Tensor2D;
    const embedded = labelEmbedding(x.shape[0], labels);
    if (embedded === undefined) return z;
    return tf.add(z, tf.matMul(embedded, tf.slice(first.w, [dim + embeddingSize, 0], [labelSize, width]) as tf.Tensor2D)) as tf.Tensor2D;
  };
  return {
    options: { ...options },
    time,
    dim,
    output,
    classes,
    variables,
    apply: (x, t, labels) =>
      tf.tidy(() => {
        let h = activate(activation, typeof t === 'number' ? firstLayerAt(x, t, labels) : firstLayer(x, t, labels));
        for (const layer of hidden) {
          const z = activate(activation, applyDense(layer, h));
          h = residual ? tf.add(h, z) : z;
        }
        return applyDense(out, h);
      }),
    dispose: () => {
      tf.dispose(variables);
      time.dispose();
    },
  };
}
