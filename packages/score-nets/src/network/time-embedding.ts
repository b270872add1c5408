import { createRng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { keyedMatrix } from './keyed-init.js';

/** How a network embeds the time t. */
export const TIME_EMBEDDINGS = ['fourier', 'sinusoidal'] as const;
export type TimeEmbeddingKind = (typeof TIME_EMBEDDINGS)[number];

/** A fixed (untrained) map from times t (n) to features (n x size). */
export interface TimeEmbedding {
  readonly kind: TimeEmbeddingKind;
  readonly size: number;
  /** The angular frequencies f_k (size / 2): embed(t) = [sin(t f_k)..., cos(t f_k)...], t f_k a float32 product. */
  readonly frequencies: Float32Array;
  embed(t: tf.Tensor1D): tf.Tensor2D;
  dispose(): void;
}

/**
 * Random Fourier features of t (Tancik et al. 2020; the Gaussian Fourier projection of Song et
 * al. 2021, appendix H): [sin(2 pi t w), cos(2 pi t w)] with w ~ N(0, scale^2), size / 2
 * frequencies drawn once from core's keyed RNG seeded `seed` (stream `fourier`). `size` must be even.
 */
export function fourierEmbedding(size: number, scale = 16, seed = 0): TimeEmbedding {
  // 2 pi w as the float32 product a backend's multiply gives (two float32 factors: their double product is
  // exact, one rounding), computed here so that no tensor is read back (a synchronous read on WebGPU needs a canvas).
  const twoPi = Math.fround(2 * Math.PI);
  const frequencies = Float32Array.from(keyedMatrix(createRng(seed), 'fourier', 1, size / 2, { std: scale }), (w) => Math.fround(w) * twoPi);
  const w = tf.tensor2d(frequencies, [1, size / 2]);
  return { kind: 'fourier', size, frequencies, embed: (t) => featuresOf(t, w), dispose: () => w.dispose() };
}

/**
 * Sinusoidal features of t (Vaswani et al. 2017, as in Ho et al. 2020): [sin(t f_k), cos(t f_k)]
 * with f_k = `timeScale` * 10000^(-k / (size/2 - 1)), k = 0 .. size/2 - 1; `timeScale` maps
 * t in [0, T] to DDPM's step range (1000 for T = 1). `size` must be even.
 */
export function sinusoidalEmbedding(size: number, timeScale = 1000): TimeEmbedding {
  const half = size / 2;
  const f = Float32Array.from({ length: half }, (_, k) => timeScale * Math.pow(10_000, -k / Math.max(1, half - 1)));
  const w = tf.tensor2d(f, [1, half]);
  return { kind: 'sinusoidal', size, frequencies: f, embed: (t) => featuresOf(t, w), dispose: () => w.dispose() };
}

function featuresOf(t: tf.Tensor1D, w: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const angle = tf.matMul(tf.reshape(t, [-1, 1]), w);
    return tf.concat([tf.sin(angle), tf.cos(angle)], 1) as tf.Tensor2D;
  });
}
