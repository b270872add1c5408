import type { MlpScoreDescription } from '@scoreflow/core';
import { type MlpKernelsVariant, instantiateMlpKernels } from './wasm-mlp-module.js';
import { mlpLayout, packWeights } from './mlp-layout.js';

/** The activations the kernels compute, by their code in `mlp.wat`. */
const ACTIVATION_CODES: Readonly<Record<string, number>> = { silu: 1, relu: 2 };

/** The activations `createWasmMlp` takes. */
export const WASM_MLP_ACTIVATIONS = Object.keys(ACTIVATION_CODES);

/** An MLP score network evaluated by the WebAssembly SIMD kernels of `mlp.wat`. */
export interface WasmMlp {
  readonly description: MlpScoreDescription;
  /** The build of the kernels it runs (`mlpKernelsVariant`). */
  readonly variant: MlpKernelsVariant;
  /** The raw output (what `description.output` means) at one time `t` for the rows of `x` (n x dim), into `out` (n x dim). */
  forward(x: Float32Array, t: number, out: Float32Array): void;
}

/** Rows per chunk: two hidden buffers of 64 x 128 float32 (64 kB) stay in the L2 cache with the weights. */
const CHUNK = 64;

/**
 * The network of `description` (score-nets' `describeMlp`: the weights of a checkpoint, the time
 * embedding's frequencies, the label) on WebAssembly SIMD; undefined where SIMD is missing. Throws
 * a `RangeError` for an activation the kernels lack (`WASM_MLP_ACTIVATIONS`).
 *
 * The forward pass of `mlpScoreNetwork` at one time t, as its `apply(x, t)` computes it: embed(t)
 * = [sin(t f_k), cos(t f_k)] (the angle a float32 product) and the label embedding enter the first
 * layer through its bias, b_0 + embed(t) W_t + table[label] W_label, so the first matrix product
 * takes only the dim columns of x; then `depth` dense layers (`mlp.wat`'s `dense`: 4 x 8 register
 * blocks, bias and activation fused, residual where asked) and the linear output layer. Rows go
 * through in chunks of 64 (a batch of any size, no allocation per call). Float32 throughout, so the
 * outputs equal TF.js's up to the order of the sums (tests: relative error below 1e-5). `variant`
 * picks the build of the kernels (default: the best this engine runs, `mlpKernelsVariant()`).
 */
export function createWasmMlp(description: MlpScoreDescription, variant?: MlpKernelsVariant): WasmMlp | undefined {
  const { dim, width, depth, activation, residual, frequencies, weights, classes, labelEmbeddingSize, label } = description;
  const act = ACTIVATION_CODES[activation];
  if (act === undefined) throw new RangeError(`createWasmMlp: activation must be one of ${WASM_MLP_ACTIVATIONS.join(', ')}, got '${activation}'.`);
  const embedding = 2 * frequencies.length;
  const labelSize = classes > 0 ? labelEmbeddingSize : 0;
  const inputs = dim + embedding + labelSize;
  const layout = mlpLayout(description, CHUNK);
  const made = instantiateMlpKernels(layout.bytes, variant);
  if (made === undefined) return undefined;
  const { kernels, memory } = made;
  const f32 = new Float32Array(memory.buffer);
  // The flat weights: W_0 (inputs x width), b_0, (W_i, b_i) ..., W_out (width x dim), b_out, table.
  let at = 0;
  const first = { w: at, b: (at += inputs * width) };
  at += width;
  const layers = layout.layers;
  for (let i = 0; i <= depth; i++) {
    const packed = layers[i]!;
    const k = i === 0 ? dim : width;
    const n = i === depth ? dim : width;
    const w = i === 0 ? first.w : at;
    packWeights(f32, packed, weights, w, n, k);
    if (i > 0) {
      f32.set(weights.subarray(at + k * n, at + k * n + n), packed.b / 4);
      at += k * n + n;
    }
  }
  const table = at;
  const bias0 = weights.subarray(first.b, first.b + width);
  // The first layer's rows for the time and label embeddings, and the label's row of the table.
  const timeRows = weights.subarray(first.w + dim * width, first.w + (dim + embedding) * width);
  const labelRow = labelSize > 0 ? weights.subarray(table + label * labelSize, table + (label + 1) * labelSize) : new Float32Array(0);
  const labelBias = new Float64Array(width);
  for (let l = 0; l < labelSize; l++) {
    const e = labelRow[l] as number;
    for (let j = 0; j < width; j++) labelBias[j]! += e * (weights[first.w + (dim + embedding + l) * width + j] as number);
  }
  const features = new Float32Array(embedding);
  const half = frequencies.length;
  /** b_0 + embed(t) W_t (+ the label's), into the first layer's bias. */
  const setTime = (t: number): void => {
    const tf32 = Math.fround(t);
    for (let k = 0; k < half; k++) {
      const angle = Math.fround(tf32 * (frequencies[k] as number));
      features[k] = Math.sin(angle);
      features[half + k] = Math.cos(angle);
    }
    const b = layers[0]!.b / 4;
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let e = 0; e < embedding; e++) sum += (features[e] as number) * (timeRows[e * width + j] as number);
      f32[b + j] = Math.fround((bias0[j] as number) + Math.fround(sum)) + (labelSize > 0 ? Math.fround(labelBias[j] as number) : 0);
    }
  };
  const [x0, outLayer] = [layers[0]!, layers[depth]!];
  return {
    description,
    variant: made.variant,
    forward(x, t, out) {
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) throw new RangeError(`WasmMlp.forward: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      setTime(t);
      const xBase = layout.x / 4;
      const outBase = layout.out / 4;
      for (let from = 0; from < n; from += CHUNK) {
        const rows = Math.min(CHUNK, n - from);
        const padded = Math.ceil(rows / 4) * 4;
        f32.fill(0, xBase, xBase + padded * x0.k);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < dim; c++) f32[xBase + r * x0.k + c] = x[(from + r) * dim + c] as number;
        }
        let input = layout.x;
        let lda = x0.k * 4;
        for (let i = 0; i < depth; i++) {
          const layer = layers[i]!;
          const target = layout.h[i % 2]!;
          kernels.dense(input, lda, layer.w, layer.b, target, padded, layer.k, layer.n, act, residual && i > 0 ? input : 0);
          input = target;
          lda = layer.n * 4;
        }
        kernels.dense(input, lda, outLayer.w, outLayer.b, layout.out, padded, outLayer.k, outLayer.n, 0, 0);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < dim; c++) out[(from + r) * dim + c] = f32[outBase + r * outLayer.n + c] as number;
        }
      }
    },
  };
}
