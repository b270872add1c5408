import { tf } from '../../backend/tf.js';
import type { MlpScoreNetwork } from '../../network/mlp.js';

/** Adds N(0, scale^2) noise (TF.js's seeded generator) to every weight of `network`, biases included, so that no bias is zero. */
export function jitterWeights(network: MlpScoreNetwork, seed: number, scale = 0.05): void {
  network.variables.forEach((variable, i) => {
    tf.tidy(() => variable.assign(tf.add(variable, tf.mul(tf.randomNormal(variable.shape, 0, 1, 'float32', seed + i), scale))));
  });
}

/** `n` rows of `dim` coordinates spread over [-3, 3] (a fixed pattern, no RNG). */
export const testRows = (n: number, dim: number): Float32Array => Float32Array.from({ length: n * dim }, (_, i) => 3 * Math.sin(1.7 * i + 0.3));
