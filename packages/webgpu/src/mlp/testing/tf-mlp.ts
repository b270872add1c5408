/**
 * The TF.js twin of the WGSL MLP, for the specs: score-nets' network (dense layers x W + b, the
 * activation as TF.js computes it, the time embedding, `scoreOf`, the DSM loss) written with
 * tfjs-core on its cpu backend from an `MlpScoreDescription`, and TF.js's own Adam.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { type MlpScoreDescription, createRng, streamId } from '@scoreflow/core';
import { mlpShape } from '../mlp-shape.js';

/** DSM rows as score-nets' `drawDsmBatch` gives them. */
export interface TestDsmRows {
  readonly n: number;
  readonly dim: number;
  readonly x0: Float32Array;
  readonly z: Float32Array;
  readonly t: Float32Array;
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly weight: Float32Array;
}

/** A description with Glorot-uniform weights and N(0, 16^2) * 2 pi frequencies from core's keyed RNG. */
export function testDescription(options: Partial<Omit<MlpScoreDescription, 'kind' | 'weights' | 'frequencies'>> & { embeddingSize?: number; seed?: number } = {}): MlpScoreDescription {
  const { dim = 2, width = 16, depth = 2, activation = 'silu', residual = false, output = 'eps', classes = 0, labelEmbeddingSize = 4, embeddingSize = 8, seed = 1 } = options;
  const label = options.label ?? classes;
  const rng = createRng(seed);
  const frequencies = rng.normal(new Float32Array(embeddingSize / 2), { first: 0, count: 1 }, embeddingSize / 2, { step: 0, stream: streamId('fourier') }).map((w) => Math.fround(w * 16 * 2 * Math.PI));
  const sized = { kind: 'mlp', dim, width, depth, activation, residual, output, classes, labelEmbeddingSize, label, frequencies } as const;
  const probe = (weights: Float32Array) => mlpShape({ ...sized, weights });
  let size = 0;
  try {
    probe(new Float32Array(0));
  } catch (error) {
    size = Number(/expected (\d+) values/.exec(String(error))?.[1]);
  }
  const weights = rng.uniform(new Float32Array(size), { first: 0, count: 1 }, size, { step: 0, stream: streamId('weights') });
  const shape = probe(weights.map((u) => u));
  for (const layer of shape.layers) {
    const limit = Math.sqrt(6 / (layer.inputs + layer.outputs));
    for (let i = layer.w; i < layer.b + layer.outputs; i++) weights[i] = (2 * (weights[i] as number) - 1) * (i < layer.b ? limit : 0.1);
  }
  for (let i = shape.table; i < size; i++) weights[i] = 2 * (weights[i] as number) - 1;
  return { ...sized, weights };
}

/** The weight tensors of `description`, in the checkpoint's order (as score-nets' `network.variables`). */
export function weightTensors(description: MlpScoreDescription, weights = description.weights): tf.Tensor[] {
  const shape = mlpShape(description);
  const tensors: tf.Tensor[] = [];
  for (const layer of shape.layers) {
    tensors.push(tf.tensor2d(weights.slice(layer.w, layer.b), [layer.inputs, layer.outputs]));
    tensors.push(tf.tensor1d(weights.slice(layer.b, layer.b + layer.outputs)));
  }
  return tensors;
}

function activate(kind: MlpScoreDescription['activation'], x: tf.Tensor): tf.Tensor {
  if (kind === 'silu') return tf.mul(x, tf.sigmoid(x));
  if (kind === 'selu') return tf.selu(x);
  return kind === 'relu' ? tf.relu(x) : tf.tanh(x);
}

/** The raw network output at xt (n x dim) and per-row times t, with weight tensors `w` (score-nets' `apply`). */
export function tfRaw(description: MlpScoreDescription, w: readonly tf.Tensor[], xt: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor2D {
  const shape = mlpShape(description);
  const angle = tf.matMul(tf.reshape(t, [-1, 1]), tf.tensor2d(description.frequencies, [1, description.frequencies.length]));
  const inputs = [xt, tf.sin(angle), tf.cos(angle)];
  if (shape.labelSize > 0) {
    const row = description.weights.slice(shape.table + description.label * shape.labelSize, shape.table + (description.label + 1) * shape.labelSize);
    inputs.push(tf.tile(tf.tensor2d(row, [1, shape.labelSize]), [xt.shape[0], 1]));
  }
  let h: tf.Tensor = tf.concat(inputs, 1);
  for (let l = 0; l < description.depth; l++) {
    const z = activate(description.activation, tf.add(tf.matMul(h as tf.Tensor2D, w[2 * l] as tf.Tensor2D), w[2 * l + 1] as tf.Tensor));
    h = description.residual && l > 0 ? tf.add(h, z) : z;
  }
  return tf.add(tf.matMul(h as tf.Tensor2D, w[2 * description.depth] as tf.Tensor2D), w[2 * description.depth + 1] as tf.Tensor) as tf.Tensor2D;
}

/** score-nets' `scoreOf`. */
export function tfScoreOf(output: MlpScoreDescription['output'], raw: tf.Tensor, x: tf.Tensor, m: number | tf.Tensor, s: number | tf.Tensor): tf.Tensor {
  if (output === 'score') return raw;
  if (output === 'eps') return tf.neg(tf.div(raw, s));
  return tf.div(tf.sub(tf.mul(raw, m), x), tf.square(s));
}

/** The score of `description` at x (n x dim) and time t, marginal m, s. */
export function tfScore(description: MlpScoreDescription, x: Float32Array, t: number, m: number, s: number): Float32Array {
  return tf.tidy(() => {
    const n = x.length / description.dim;
    const xt = tf.tensor2d(x, [n, description.dim]);
    const raw = tfRaw(description, weightTensors(description), xt, tf.fill([n], t) as tf.Tensor1D);
    return tfScoreOf(description.output, raw, xt, m, s).dataSync() as Float32Array;
  });
}

/** score-nets' `dsmLoss` of `rows` with weight tensors `w`. */
export function tfDsmLoss(description: MlpScoreDescription, w: readonly tf.Tensor[], rows: TestDsmRows): tf.Scalar {
  const { n, dim } = rows;
  const m = tf.tensor2d(rows.mean, [n, 1]);
  const s = tf.tensor2d(rows.std, [n, 1]);
  const z = tf.tensor2d(rows.z, [n, dim]);
  const xt = tf.add(tf.mul(m, tf.tensor2d(rows.x0, [n, dim])), tf.mul(s, z)) as tf.Tensor2D;
  const score = tfScoreOf(description.output, tfRaw(description, w, xt, tf.tensor1d(rows.t)), xt, m, s);
  const perRow = tf.sum(tf.square(tf.add(tf.mul(s, score), z)), 1);
  return tf.mean(tf.mul(perRow, tf.tensor1d(rows.weight))) as tf.Scalar;
}

/** The loss and its gradients with respect to every weight, flat in the checkpoint layout. */
export function tfDsmGradients(description: MlpScoreDescription, rows: TestDsmRows): { loss: number; gradients: Float32Array } {
  return tf.tidy(() => {
    const w = weightTensors(description);
    const { value, grads } = tf.valueAndGrads((...v: tf.Tensor[]) => tfDsmLoss(description, v, rows))(w);
    const gradients = new Float32Array(description.weights.length);
    let offset = 0;
    for (const g of grads) {
      gradients.set(g.dataSync(), offset);
      offset += g.size;
    }
    return { loss: value.dataSync()[0] as number, gradients };
  });
}

/** `steps` steps of TF.js's Adam (`tf.train.adam(rate, 0.9, 0.999, 1e-7)`) on the DSM loss of `batches(step)`; the weights and losses. */
export function tfAdamTraining(description: MlpScoreDescription, rate: number, steps: number, batches: (step: number) => TestDsmRows): { weights: Float32Array; losses: number[] } {
  const variables = weightTensors(description).map((t) => tf.variable(t));
  const optimizer = tf.train.adam(rate, 0.9, 0.999, 1e-7);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const loss = optimizer.minimize(() => tfDsmLoss(description, variables, batches(step)), true, variables);
    losses.push(loss?.dataSync()[0] as number);
    loss?.dispose();
  }
  const weights = new Float32Array(description.weights.length);
  let offset = 0;
  for (const v of variables) {
    weights.set(v.dataSync(), offset);
    offset += v.size;
  }
  tf.dispose(variables);
  optimizer.dispose();
  return { weights, losses };
}

/** Largest |a - b| over largest |b|: the relative error of a whole vector (core's test support). */
export { relativeError } from '@scoreflow/core/testing';
