/**
 * A multilayer perceptron score network as data, so that a device evaluates and trains it in its
 * own code (WGSL on WebGPU) with the numbers a TF.js network holds: score-nets' `mlpScoreNetwork`
 * describes itself this way (`networkScore(...).describe()`), `@scoreflow/webgpu`'s MLP reads it.
 *
 * The network: input [x, embed(t), label embedding] of size dim + E + L, `depth` dense layers of
 * `width` units with `activation` (each hidden layer after the first adds its input when
 * `residual`), then a dense output layer of `dim` units whose value means `output` (score-nets'
 * `scoreOf`). embed(t) = [sin(t f_0) .. sin(t f_{E/2-1}), cos(t f_0) .. cos(t f_{E/2-1})], each
 * t f_k one float32 product.
 */
export type MlpScoreDescription = {
  readonly kind: 'mlp';
  readonly dim: number;
  readonly width: number;
  /** Hidden layers (>= 1). */
  readonly depth: number;
  readonly activation: 'silu' | 'relu' | 'tanh' | 'selu';
  readonly residual: boolean;
  /** What the raw output means: the noise `eps`, the `score`, or the `denoiser` E[x_0 | x_t]. */
  readonly output: 'eps' | 'score' | 'denoiser';
  /** The angular frequencies f_k of the time embedding (E / 2 of them). */
  readonly frequencies: Float32Array;
  /** Classes of a conditional network (0: none; then `labelEmbeddingSize` L counts as 0). */
  readonly classes: number;
  readonly labelEmbeddingSize: number;
  /** The row of the label table the score is conditioned on: 0 .. classes - 1, or `classes` (unconditional). */
  readonly label: number;
  /**
   * Every weight, flat, in the order of the network's variables (a score-nets checkpoint's
   * `w0, w1, ...`): W_0 [(dim + E + L) x width] row-major, b_0 [width], then (W_i [width x width],
   * b_i) for the other hidden layers, W_out [width x dim], b_out [dim], and with classes the label
   * table [(classes + 1) x L].
   */
  readonly weights: Float32Array;
};
