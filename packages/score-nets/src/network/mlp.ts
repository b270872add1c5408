import { tf } from '../backend/tf.js';
import type { OutputKind } from './parameterisation.js';
import { type TimeEmbedding, type TimeEmbeddingKind, fourierEmbedding, sinusoidalEmbedding } from './time-embedding.js';

/** A network of positions x (n x dim) and times t (n) whose output means `output`. */
export interface ScoreNetwork {
  readonly dim: number;
  readonly output: OutputKind;
  /** Raw output (n x dim); the caller owns the returned tensor. */
  apply(x: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor2D;
  /** Trainable weights. */
  readonly variables: readonly tf.Variable[];
  dispose(): void;
}

/** An MLP score network; `options` rebuild it (same seed: same Fourier frequencies). */
export interface MlpScoreNetwork extends ScoreNetwork {
  readonly options: MlpOptions;
}

/** Activations of the hidden layers. */
export type Activation = 'silu' | 'relu' | 'tanh';

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
  /** Seed of the initial weights and Fourier frequencies (default 0). */
  readonly seed?: number;
}

function activate(kind: Activation, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'silu':
      return tf.mul(x, tf.sigmoid(x));
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
  }
}

interface Dense {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
}

/** Glorot-uniform weights (Glorot & Bengio 2010), zero bias; `scale` shrinks the output layer. */
function dense(inputs: number, outputs: number, seed: number, scale = 1): Dense {
  const limit = scale * Math.sqrt(6 / (inputs + outputs));
  return {
    // Unnamed: tfjs names must be unique, and two networks of one architecture may coexist (EMA).
    w: tf.tidy(() => tf.variable(tf.randomUniform([inputs, outputs], -limit, limit, 'float32', seed))),
    b: tf.tidy(() => tf.variable(tf.zeros([outputs]))),
  };
}

/** Rank-2 dense layer: x W + b (rank 2 throughout: wasm's fused matMul is wrong at rank 3). */
const applyDense = (layer: Dense, x: tf.Tensor): tf.Tensor2D => tf.add(tf.matMul(x as tf.Tensor2D, layer.w as tf.Tensor2D), layer.b);

/**
 * A multilayer perceptron score network, the toy-data model of Song et al. 2021 and of most
 * diffusion tutorials: input [x, embed(t)], `depth` hidden layers of `width` units with
 * `activation` (optionally residual), a linear output of size `dim` read as `output`.
 * Hand-written rank-2 dense layers with `tf.matMul` (faster than tfjs-layers here).
 */
export function mlpScoreNetwork(options: MlpOptions): MlpScoreNetwork {
  const { dim, width = 128, depth = 3, activation = 'silu', residual = false, output = 'eps' } = options;
  const { embedding = 'fourier', embeddingSize = 16, fourierScale = 16, seed = 0 } = options;
  for (const [field, value, min] of [['dim', dim, 1], ['width', width, 1], ['depth', depth, 1], ['embeddingSize', embeddingSize, 2]] as const) {
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`mlpScoreNetwork: ${field} must be an integer >= ${min}, got ${value}.`);
  }
  if (embeddingSize % 2 !== 0) throw new RangeError(`mlpScoreNetwork: embeddingSize must be even, got ${embeddingSize}.`);
  const time: TimeEmbedding =
    embedding === 'fourier' ? fourierEmbedding(embeddingSize, fourierScale, seed + 7919) : sinusoidalEmbedding(embeddingSize);
  const first = dense(dim + embeddingSize, width, seed);
  const hidden = Array.from({ length: depth - 1 }, (_, i) => dense(width, width, seed + i + 1));
  const out = dense(width, dim, seed + depth, 0.1);
  const variables = [first, ...hidden, out].flatMap((l) => [l.w, l.b]);
  return {
    options: { ...options },
    dim,
    output,
    variables,
    apply: (x, t) =>
      tf.tidy(() => {
        let h = activate(activation, applyDense(first, tf.concat([x, time.embed(t)], 1)));
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
