import type { MlpScoreDescription } from '@scoreflow/core';
import type { DsmBatch } from '../training/dsm-batch.js';
import { type PackedLayer, memoryRegions, packWeights, up } from './mlp-layout.js';
import { type MlpKernels, type MlpKernelsVariant, instantiateMlpKernels, mlpKernelsVariant } from './wasm-mlp-module.js';

/** The architecture `wasmDsmGradients` takes: an MLP description without its weights. */
export type WasmDsmShape = Pick<MlpScoreDescription, 'dim' | 'width' | 'depth' | 'activation' | 'residual' | 'output' | 'frequencies' | 'classes'>;

/** The DSM loss of a batch and its gradient, flat in the order of the network's variables (`flattenTensors`). */
export interface WasmDsmResult {
  readonly loss: number;
  readonly gradients: Float32Array;
}

/**
 * The gradient of `dsmLoss(network, batch, scale)` (training/dsm-loss.ts) of an `eps` MLP with
 * SiLU, no residual and no classes, by backpropagation on the WebAssembly SIMD kernels of
 * `mlp.wat`: the forward pass with one t per row (the input [x_t, embed(t)], pre-activations and
 * activations kept), dL/draw = -(2 scale w / n) (z - raw) per row, then per layer from the last
 * dW = a^T dz (`denseTn`), db = the column sums of dz (`denseTn` with columns of ones), dA = dz W^T (`dense` on W^T, packed like
 * a weight), and dz = dA sigma(z) (1 + z (1 - sigma(z))) (`activate` mode 5). Float32
 * throughout: equal to TF.js's autodiff up to the order of the sums. Returns a function of the
 * flat weights and a batch; undefined without WebAssembly SIMD (or the build `variant` asked for;
 * default: the best this engine runs). Throws a `RangeError` for another architecture.
 */
export function wasmDsmGradients(shape: WasmDsmShape, variant?: MlpKernelsVariant): ((weights: Float32Array, batch: DsmBatch, scale?: number) => WasmDsmResult) | undefined {
  const { dim, width, depth, frequencies } = shape;
  // One build for the trainer's life (memory grows with the batch: a new instance, the same build).
  const kernels = variant ?? mlpKernelsVariant();
  if (shape.output !== 'eps' || shape.activation !== 'silu' || shape.residual || shape.classes > 0) {
    throw new RangeError(`wasmDsmGradients: only an eps network with SiLU, no residual and no classes is trained on wasm, got output '${shape.output}', activation '${shape.activation}', residual ${shape.residual}, classes ${shape.classes}.`);
  }
  const half = frequencies.length;
  const inputs = dim + 2 * half;
  const [kin, wide, outs] = [up(inputs, 4), up(width, 8), up(dim, 8)];
  let rows = 0;
  let made: { kernels: MlpKernels; f32: Float32Array; at: Record<string, number>; layers: PackedLayer[]; transposed: PackedLayer[] } | undefined;
  /** Memory for `padded` rows: weights (and their transposes), activations of every layer, gradients. */
  const memoryFor = (padded: number) => {
    if (made !== undefined && rows >= padded) return made;
    rows = padded;
    const { take, layer, bytes } = memoryRegions();
    const layers = [layer(kin, wide), ...Array.from({ length: depth - 1 }, () => layer(wide, wide)), layer(wide, outs)];
    // W^T of every layer but the first, as `dense` reads weights (k = its outputs, n = its inputs).
    const transposed = [...Array.from({ length: depth - 1 }, () => layer(wide, wide)), layer(outs, wide)];
    const at: Record<string, number> = { x: take(rows * kin), raw: take(rows * outs), dRaw: take(rows * outs), dA: take(rows * wide), dB: take(rows * wide), dW: take(Math.max(kin, wide) * wide), zeros: take(wide), ones: take(rows * 4), dBias: take(4 * wide) };
    for (let l = 0; l < depth; l++) [at[`z${l}`], at[`h${l}`]] = [take(rows * wide), take(rows * wide)];
    const instance = instantiateMlpKernels(bytes(), kernels);
    if (instance === undefined) return undefined;
    made = { kernels: instance.kernels, f32: new Float32Array(instance.memory.buffer), at, layers, transposed };
    // Four columns of ones: db = 1^T dz is a product of the kernel (k must be a multiple of 4).
    made.f32.fill(1, (at.ones as number) / 4, (at.ones as number) / 4 + rows * 4);
    return made;
  };
  if (memoryFor(4) === undefined) return undefined;
  const f = Math.fround;
  return (weights, batch, scale = 1) => {
    const { n } = batch;
    const padded = up(Math.max(n, 1), 4);
    const { kernels, f32, at, layers, transposed } = memoryFor(padded)!;
    const a = (name: string) => at[name] as number;
    // Weights: W_l (k x n row-major) then b_l, in the variables' order.
    const offsets: { w: number; b: number; k: number; n: number }[] = [];
    let offset = 0;
    for (let l = 0; l <= depth; l++) {
      const [k, nOut] = [l === 0 ? inputs : width, l === depth ? dim : width];
      offsets.push({ w: offset, b: offset + k * nOut, k, n: nOut });
      const layer = layers[l] as PackedLayer;
      packWeights(f32, layer, weights, offset, nOut, k);
      f32.fill(0, layer.b / 4, layer.b / 4 + layer.n);
      f32.set(weights.subarray(offset + k * nOut, offset + k * nOut + nOut), layer.b / 4);
      if (l > 0) {
        // W^T: its (j, i) is W's (i, j).
        const t = transposed[l - 1] as PackedLayer;
        const wt = new Float32Array(nOut * k);
        for (let i = 0; i < k; i++) for (let j = 0; j < nOut; j++) wt[j * k + i] = weights[offset + i * nOut + j] as number;
        packWeights(f32, t, wt, 0, k, nOut);
      }
      offset += k * nOut + nOut;
    }
    // The input rows [x_t, sin(t f), cos(t f)], x_t = m x_0 + s z as dsmLoss rounds it.
    const x = a('x') / 4;
    f32.fill(0, x, x + padded * kin);
    for (let i = 0; i < n; i++) {
      const [m, s, t] = [batch.mean[i] as number, batch.std[i] as number, batch.t[i] as number];
      for (let d = 0; d < dim; d++) f32[x + i * kin + d] = f(f(m * (batch.x0[i * dim + d] as number)) + f(s * (batch.z[i * dim + d] as number)));
      for (let k = 0; k < half; k++) {
        const angle = f(t * (frequencies[k] as number));
        f32[x + i * kin + dim + k] = Math.sin(angle);
        f32[x + i * kin + dim + half + k] = Math.cos(angle);
      }
    }
    // Forward, keeping z_l (pre-activation) and h_l.
    for (let l = 0; l < depth; l++) {
      const layer = layers[l] as PackedLayer;
      const [input, lda] = l === 0 ? [a('x'), kin * 4] : [a(`h${l - 1}`), wide * 4];
      kernels.dense(input, lda, layer.w, layer.b, a(`z${l}`), padded, layer.k, layer.n, 0, 0);
      f32.copyWithin(a(`h${l}`) / 4, a(`z${l}`) / 4, a(`z${l}`) / 4 + padded * wide);
      kernels.activate(a(`h${l}`), 0, padded * wide, 1);
    }
    const last = layers[depth] as PackedLayer;
    kernels.dense(a(`h${depth - 1}`), wide * 4, last.w, last.b, a('raw'), padded, last.k, last.n, 0, 0);
    // The loss and dL/draw: row i adds w_i |s (-raw / s) + z|^2, as dsmLoss computes it.
    const [raw, dRaw] = [a('raw') / 4, a('dRaw') / 4];
    f32.fill(0, dRaw, dRaw + padded * outs);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const s = batch.std[i] as number;
      const w = batch.weight[i] as number;
      let row = 0;
      for (let d = 0; d < dim; d++) {
        const e = f(f(s * -f((f32[raw + i * outs + d] as number) / s)) + (batch.z[i * dim + d] as number));
        row += e * e;
        f32[dRaw + i * outs + d] = (-2 * scale * w * e) / n;
      }
      loss += w * f(row);
    }
    const gradients = new Float32Array(weights.length);
    const dW = a('dW') / 4;
    const store = (l: number, dz: number, ldz: number, input: number, lda: number, k: number) => {
      const { w, b, k: kk, n: nOut } = offsets[l] as { w: number; b: number; k: number; n: number };
      // In chunks of 128 rows, which stay in the L2 cache; db = 1^T dz the same way (the padding rows of dz are 0).
      for (let from = 0; from < padded; from += 128) {
        const chunk = Math.min(128, padded - from);
        kernels.denseTn(input + from * lda, lda, dz + from * ldz, ldz, a('dW'), chunk, k, ldz / 4, from > 0 ? 1 : 0);
        kernels.denseTn(a('ones') + from * 16, 16, dz + from * ldz, ldz, a('dBias'), chunk, 4, ldz / 4, from > 0 ? 1 : 0);
      }
      for (let i = 0; i < kk; i++) gradients.set(f32.subarray(dW + i * (ldz / 4), dW + i * (ldz / 4) + nOut), w + i * nOut);
      gradients.set(f32.subarray(a('dBias') / 4, a('dBias') / 4 + nOut), b);
    };
    // Output layer, then back through the hidden layers.
    store(depth, a('dRaw'), outs * 4, a(`h${depth - 1}`), wide * 4, wide);
    const outT = transposed[depth - 1] as PackedLayer;
    kernels.dense(a('dRaw'), outs * 4, outT.w, a('zeros'), a('dA'), padded, outT.k, outT.n, 0, 0);
    let [dA, spare] = [a('dA'), a('dB')];
    for (let l = depth - 1; l >= 0; l--) {
      kernels.activate(dA, a(`z${l}`), padded * wide, 5);
      const [input, lda, k] = l === 0 ? [a('x'), kin * 4, kin] : [a(`h${l - 1}`), wide * 4, wide];
      store(l, dA, wide * 4, input, lda, k);
      if (l > 0) {
        const t = transposed[l - 1] as PackedLayer;
        kernels.dense(dA, wide * 4, t.w, a('zeros'), spare, padded, t.k, t.n, 0, 0);
        [dA, spare] = [spare, dA];
      }
    }
    return { loss: (loss / n) * scale, gradients };
  };
}
