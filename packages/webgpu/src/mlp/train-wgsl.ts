import type { MlpScoreDescription } from '@scoreflow/core';
import { MLP_WORKGROUP, denseWgsl, f32, forwardWgsl } from './dense-wgsl.js';
import type { DenseShape, MlpShape } from './mlp-shape.js';
import { scoreOfWgsl } from './score-wgsl.js';

/** Where a training batch's columns sit in the batch buffer (floats): x0, z (n x dim), m, s, weight (n), time features (n x E). */
export interface BatchLayout {
  readonly x0: number;
  readonly z: number;
  readonly mean: number;
  readonly std: number;
  readonly weight: number;
  readonly features: number;
  readonly size: number;
}

/** The batch buffer's layout for `rows` rows. */
export function batchLayout(shape: MlpShape, rows: number): BatchLayout {
  const { dim, embedding } = shape;
  const x0 = 0;
  const z = rows * dim;
  const mean = 2 * rows * dim;
  return { x0, z, mean, std: mean + rows, weight: mean + 2 * rows, features: mean + 3 * rows, size: mean + 3 * rows + rows * embedding };
}

/** Where the forward pass leaves what the backward pass and the weight gradients need, per layer (floats, rows x size each). */
interface ScratchLayout {
  /** Input of dense layer l (rows x inputs). */
  readonly input: readonly number[];
  /** Pre-activation of hidden layer l (rows x width). */
  readonly pre: readonly number[];
  /** Gradient of the loss with respect to dense layer l's output (rows x outputs). */
  readonly delta: readonly number[];
  readonly size: number;
}

/** The scratch buffer's layout for `rows` rows. */
export function scratchLayout(shape: MlpShape, rows: number): ScratchLayout {
  let offset = 0;
  const take = (size: number) => {
    const at = offset;
    offset += rows * size;
    return at;
  };
  const input = shape.layers.map((layer) => take(layer.inputs));
  const pre = shape.layers.slice(0, shape.depth).map((layer) => take(layer.outputs));
  const delta = shape.layers.map((layer) => take(layer.outputs));
  return { input, pre, delta, size: offset };
}

/**
 * The fused forward and backward pass of score-nets' DSM loss, one invocation per row (after
 * tiny-cuda-nn's fully fused MLP: activations in private memory, weights staged through
 * workgroup memory). Row r: x_t = m x0 + s z, raw = net(x_t, t), score = scoreOf(raw), e = s
 * score + z, loss_r = weight ||e||^2 (the loss is the mean over rows); the gradient flows back to
 * every layer's output (stored as `delta`), with every layer's input stored as `input`.
 */
export function forwardBackwardWgsl(description: MlpScoreDescription, shape: MlpShape, rows: number): string {
  const { dim, embedding, width, depth, layers } = shape;
  const batch = batchLayout(shape, rows);
  const scratch = scratchLayout(shape, rows);
  const store = (l: number, what: 'pre' | 'input') => {
    const [at, size, from] = what === 'input' ? [scratch.input[l], (layers[l] as DenseShape).inputs, 'mlp_a'] : [scratch.pre[l], width, 'mlp_z'];
    return `if (live) { for (var k = 0u; k < ${size}u; k++) { scratch[${at}u + r * ${size}u + k] = ${from}[k]; } }`;
  };
  const rawGradient = { eps: '-(dscore / s)', score: 'dscore', denoiser: '(dscore / (s * s)) * m' }[description.output];
  const back: string[] = [];
  for (let l = depth - 1; l >= 0; l--) {
    const layer = layers[l] as DenseShape;
    back.push(`for (var j = 0u; j < ${width}u; j++) { mlp_z[j] = mlp_a[j] * mlp_act_grad(scratch[${scratch.pre[l]}u + r * ${width}u + j]); }`);
    back.push(`if (live) { for (var j = 0u; j < ${width}u; j++) { scratch[${scratch.delta[l]}u + r * ${width}u + j] = mlp_z[j]; } }`);
    if (l === 0) continue;
    if (description.residual) back.push(`for (var j = 0u; j < ${width}u; j++) { skip[j] = mlp_a[j]; }`);
    back.push(`mlp_dense_back(${layer.inputs}u, ${width}u, ${layer.w}u, lid);`);
    if (description.residual) back.push(`for (var j = 0u; j < ${width}u; j++) { mlp_a[j] += skip[j]; }`);
  }
  const out = layers[depth] as DenseShape;
  return `@group(0) @binding(0) var<storage, read> mlp_params: array<f32>;
@group(0) @binding(1) var<storage, read> batch: array<f32>;
@group(0) @binding(2) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(3) var<storage, read_write> row_loss: array<f32>;
${denseWgsl(shape, description.activation, 'mlp_params')}
@compute @workgroup_size(${MLP_WORKGROUP}) fn forward_backward(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let live = gid.x < ${rows}u;
  let r = select(0u, gid.x, live);
  let m = batch[${batch.mean}u + r];
  let s = batch[${batch.std}u + r];
  let weight = batch[${batch.weight}u + r];
  var x: array<f32, ${dim}>;
  var z: array<f32, ${dim}>;
  var skip: array<f32, ${width}>;
  for (var d = 0u; d < ${dim}u; d++) {
    z[d] = batch[${batch.z}u + r * ${dim}u + d];
    x[d] = m * batch[${batch.x0}u + r * ${dim}u + d] + s * z[d];
    mlp_a[d] = x[d];
  }
  for (var k = 0u; k < ${embedding}u; k++) { mlp_a[${dim}u + k] = batch[${batch.features}u + r * ${embedding}u + k]; }
  ${forwardWgsl(shape, description.residual, store)}
  var loss = 0.0;
  for (var d = 0u; d < ${dim}u; d++) {
    let raw = mlp_z[d];
    let e = s * (${scoreOfWgsl(description.output)}) + z[d];
    loss += e * e;
    let dscore = s * (2.0 * e * (weight / ${f32(rows)}));
    mlp_z[d] = ${rawGradient};
  }
  if (live) {
    row_loss[r] = loss * weight;
    for (var d = 0u; d < ${dim}u; d++) { scratch[${scratch.delta[depth]}u + r * ${dim}u + d] = mlp_z[d]; }
  }
  mlp_dense_back(${out.inputs}u, ${dim}u, ${out.w}u, lid);
  ${back.join('\n  ')}
}
`;
}

/**
 * The weight gradients, one invocation per weight: dW_l = sum over rows of input_l^T delta_l,
 * db_l = sum over rows of delta_l (the products tiny-cuda-nn leaves to a GEMM after its fused
 * backward pass), written in the checkpoint layout.
 */
export function weightGradientsWgsl(shape: MlpShape, rows: number): string {
  const scratch = scratchLayout(shape, rows);
  const branches = shape.layers.map((layer, l) => {
    const { inputs: K, outputs: N } = layer;
    return `if (p < ${layer.b}u) {
    let k = (p - ${layer.w}u) / ${N}u;
    let j = (p - ${layer.w}u) % ${N}u;
    for (var r = 0u; r < ${rows}u; r++) { sum += scratch[${scratch.input[l]}u + r * ${K}u + k] * scratch[${scratch.delta[l]}u + r * ${N}u + j]; }
  } else if (p < ${layer.b + N}u) {
    let j = p - ${layer.b}u;
    for (var r = 0u; r < ${rows}u; r++) { sum += scratch[${scratch.delta[l]}u + r * ${N}u + j]; }
  }`;
  });
  return `@group(0) @binding(0) var<storage, read> scratch: array<f32>;
@group(0) @binding(1) var<storage, read_write> grads: array<f32>;
@compute @workgroup_size(${MLP_WORKGROUP}) fn weight_gradients(@builtin(global_invocation_id) gid: vec3<u32>) {
  let p = gid.x;
  if (p >= ${shape.table}u) { return; }
  var sum = 0.0;
  ${branches.join(' else ')}
  grads[p] = sum;
}
`;
}

/** Invocations of the one workgroup that reduces the gradient norm and the loss. */
const REDUCE = 256;

/**
 * One workgroup: the global gradient norm ||g|| and the batch's loss (mean of the rows'); writes
 * stats = [clip factor clipNorm / max(||g||, clipNorm) (1 without clipping), loss, ||g||].
 */
export function normWgsl(shape: MlpShape, rows: number): string {
  return `struct AdamStep { rate: f32, c1: f32, c2: f32, clip: f32 }
@group(0) @binding(0) var<storage, read> grads: array<f32>;
@group(0) @binding(1) var<storage, read> row_loss: array<f32>;
@group(0) @binding(2) var<storage, read_write> stats: array<f32>;
@group(0) @binding(3) var<uniform> adam: AdamStep;
var<workgroup> squares: array<f32, ${REDUCE}>;
var<workgroup> losses: array<f32, ${REDUCE}>;
@compute @workgroup_size(${REDUCE}) fn norm(@builtin(local_invocation_index) lid: u32) {
  var sq = 0.0;
  for (var i = lid; i < ${shape.table}u; i += ${REDUCE}u) { sq += grads[i] * grads[i]; }
  var loss = 0.0;
  for (var r = lid; r < ${rows}u; r += ${REDUCE}u) { loss += row_loss[r]; }
  squares[lid] = sq;
  losses[lid] = loss;
  for (var stride = ${REDUCE / 2}u; stride > 0u; stride /= 2u) {
    workgroupBarrier();
    if (lid < stride) {
      squares[lid] += squares[lid + stride];
      losses[lid] += losses[lid + stride];
    }
  }
  workgroupBarrier();
  if (lid == 0u) {
    let norm = sqrt(squares[0]);
    stats[0] = select(1.0, adam.clip / max(norm, adam.clip), adam.clip > 0.0);
    stats[1] = losses[0] / ${f32(rows)};
    stats[2] = norm;
  }
}
`;
}

/**
 * Adam (Kingma & Ba 2015) as TF.js's `AdamOptimizer` computes it, one invocation per weight, on
 * the clipped gradient g: m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2,
 * w = w - rate (m / c1) / (sqrt(v / c2) + epsilon), c1 = 1 - beta1^k, c2 = 1 - beta2^k.
 * `moments` holds m then v, each in the checkpoint layout.
 */
export function adamWgsl(shape: MlpShape, constants: { beta1: number; beta2: number; epsilon: number }): string {
  const { beta1, beta2, epsilon } = constants;
  const size = shape.table;
  return `struct AdamStep { rate: f32, c1: f32, c2: f32, clip: f32 }
@group(0) @binding(0) var<storage, read_write> params: array<f32>;
@group(0) @binding(1) var<storage, read> grads: array<f32>;
@group(0) @binding(2) var<storage, read_write> moments: array<f32>;
@group(0) @binding(3) var<storage, read> stats: array<f32>;
@group(0) @binding(4) var<uniform> adam: AdamStep;
@compute @workgroup_size(${MLP_WORKGROUP}) fn adam_step(@builtin(global_invocation_id) gid: vec3<u32>) {
  let p = gid.x;
  if (p >= ${size}u) { return; }
  let g = grads[p] * stats[0];
  let m = moments[p] * ${f32(beta1)} + g * ${f32(1 - beta1)};
  let v = moments[${size}u + p] * ${f32(beta2)} + (g * g) * ${f32(1 - beta2)};
  moments[p] = m;
  moments[${size}u + p] = v;
  params[p] = ((m / adam.c1) / (sqrt(v / adam.c2) + ${f32(epsilon)})) * -adam.rate + params[p];
}
`;
}
