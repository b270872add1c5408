import type { MlpScoreDescription } from '@scoreflow/core';
import { type MlpShape, WEIGHT_TILE } from './mlp-shape.js';

/** Invocations per workgroup of every MLP kernel: each one carries one row (particle). */
export const MLP_WORKGROUP = 64;

/** `value` as a WGSL f32 literal. */
export const f32 = (value: number): string => {
  const text = String(Math.fround(value));
  return /[.eE]/.test(text) ? text : `${text}.0`;
};

const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473768;

/** act(z) and act'(z) in WGSL, as TF.js computes them (silu = z sigmoid(z), sigmoid = 1 / (1 + exp(-z)); selu of Klambauer et al. 2017). */
function activationWgsl(kind: MlpScoreDescription['activation']): string {
  switch (kind) {
    case 'silu':
      return `fn mlp_act(z: f32) -> f32 { return z * (1.0 / (1.0 + exp(-z))); }
fn mlp_act_grad(z: f32) -> f32 { let g = 1.0 / (1.0 + exp(-z)); return g + z * g * (1.0 - g); }`;
    case 'relu':
      return `fn mlp_act(z: f32) -> f32 { return max(z, 0.0); }
fn mlp_act_grad(z: f32) -> f32 { return select(0.0, 1.0, z > 0.0); }`;
    case 'tanh':
      return `fn mlp_act(z: f32) -> f32 { return tanh(z); }
fn mlp_act_grad(z: f32) -> f32 { let y = tanh(z); return 1.0 - y * y; }`;
    case 'selu':
      // Klambauer et al. 2017, with TF.js's constants scale and scale * alpha.
      return `fn mlp_act(z: f32) -> f32 { return select(${f32(SELU_SCALE_ALPHA)} * (exp(z) - 1.0), ${f32(SELU_SCALE)} * z, z >= 0.0); }
fn mlp_act_grad(z: f32) -> f32 { return select(${f32(SELU_SCALE_ALPHA)} * exp(z), ${f32(SELU_SCALE)}, z > 0.0); }`;
  }
}

/**
 * The WGSL every MLP kernel shares, after tiny-cuda-nn's fully fused MLP (Müller et al. 2021): each
 * invocation keeps its row's activations in private memory (`mlp_a`, the layer input; `mlp_z`, its
 * output) and the workgroup stages a layer's weights through workgroup memory `WEIGHT_TILE` floats
 * at a time, so every weight is read from storage once per workgroup, not once per row.
 *
 * - `mlp_dense(K, N, w, b, lid)`: mlp_z[0..N) = mlp_a[0..K) W + b (W at `w`, K x N row-major);
 * - `mlp_dense_back(K, N, w, lid)`: mlp_a[0..K) = mlp_z[0..N) W^T (the input gradient of a layer).
 *
 * Both contain barriers: call them from every invocation of the workgroup, in uniform control flow.
 * `params` names the storage array of the weights (flat, the checkpoint layout).
 */
export function denseWgsl(shape: MlpShape, activation: MlpScoreDescription['activation'], params: string): string {
  const rows = Math.max(shape.input, shape.width);
  return `const MLP_WG: u32 = ${MLP_WORKGROUP}u;
const MLP_TILE: u32 = ${WEIGHT_TILE}u;
var<workgroup> mlp_tile: array<f32, ${WEIGHT_TILE}>;
var<private> mlp_a: array<f32, ${rows}>;
var<private> mlp_z: array<f32, ${rows}>;
${activationWgsl(activation)}

fn mlp_stage(offset: u32, count: u32, lid: u32) {
  workgroupBarrier();
  for (var i = lid; i < count; i += MLP_WG) { mlp_tile[i] = ${params}[offset + i]; }
  workgroupBarrier();
}

fn mlp_dense(K: u32, N: u32, w: u32, b: u32, lid: u32) {
  for (var j = 0u; j < N; j++) { mlp_z[j] = 0.0; }
  let per = MLP_TILE / N;
  for (var k0 = 0u; k0 < K; k0 += per) {
    let count = min(per, K - k0);
    mlp_stage(w + k0 * N, count * N, lid);
    for (var k = 0u; k < count; k++) {
      let a = mlp_a[k0 + k];
      for (var j = 0u; j < N; j++) { mlp_z[j] += a * mlp_tile[k * N + j]; }
    }
  }
  for (var j = 0u; j < N; j++) { mlp_z[j] += ${params}[b + j]; }
}

fn mlp_dense_back(K: u32, N: u32, w: u32, lid: u32) {
  let per = MLP_TILE / N;
  for (var k0 = 0u; k0 < K; k0 += per) {
    let count = min(per, K - k0);
    mlp_stage(w + k0 * N, count * N, lid);
    for (var k = 0u; k < count; k++) {
      var sum = 0.0;
      for (var j = 0u; j < N; j++) { sum += mlp_z[j] * mlp_tile[k * N + j]; }
      mlp_a[k0 + k] = sum;
    }
  }
}
`;
}

/**
 * WGSL statements of the hidden layers' forward pass from mlp_a = the first layer's input, leaving
 * mlp_a = the output layer's input and mlp_z = the raw output. `store(l)` returns statements run
 * right after hidden layer l's pre-activation is in mlp_z and before the output layer (l = depth,
 * with mlp_a its input): the training kernel keeps them for the backward pass.
 */
export function forwardWgsl(shape: MlpShape, residual: boolean, store: (layer: number, what: 'pre' | 'input') => string = () => ''): string {
  const { layers, width, depth } = shape;
  const lines: string[] = [];
  layers.forEach((layer, l) => {
    lines.push(store(l, 'input'));
    lines.push(`mlp_dense(${layer.inputs}u, ${layer.outputs}u, ${layer.w}u, ${layer.b}u, lid);`);
    if (l === depth) return;
    lines.push(store(l, 'pre'));
    const skip = residual && l > 0 ? 'mlp_a[j] + ' : '';
    lines.push(`for (var j = 0u; j < ${width}u; j++) { mlp_a[j] = ${skip}mlp_act(mlp_z[j]); }`);
  });
  return lines.filter((line) => line !== '').join('\n  ');
}
