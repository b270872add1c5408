import type { MlpScoreDescription } from '@scoreflow/core';
import { mlpScoreWgsl } from './score-wgsl.js';
import { mlpTimeFeatures } from './time-features.js';
import { dispatchSize, readBuffer, storageBuffer, writeFloats } from './gpu-buffers.js';

/** The MLP score alone on a device: one dispatch per call. */
export interface MlpScorer {
  /** The score of every row of `x` (n * dim) at time `t`, with the marginal m(t) = `m`, s(t) = `s`. */
  score(x: Float32Array, t: number, m: number, s: number): Promise<Float32Array>;
  /** Replaces the weights (same shape), e.g. after training. */
  setWeights(weights: Float32Array): void;
  dispose(): void;
}

/**
 * Compiles `mlpScoreWgsl(description)` into a kernel that maps rows of x to their scores (one
 * invocation per row, workgroups of 64), uploads the weights once and keeps them on the device.
 * Throws a `ConfigError` for a description the GPU cannot take.
 */
export function createMlpScorer(device: GPUDevice, description: MlpScoreDescription): MlpScorer {
  const { code, workgroupSize } = mlpScoreWgsl(description);
  const { dim } = description;
  const module = device.createShaderModule({
    label: 'mlp-score',
    code: `${code}
struct MlpScoreCall { n: u32, groups_x: u32, m: f32, s: f32 }
@group(0) @binding(2) var<uniform> call: MlpScoreCall;
@group(0) @binding(3) var<storage, read> xs: array<f32>;
@group(0) @binding(4) var<storage, read_write> scores: array<f32>;
@compute @workgroup_size(${workgroupSize}) fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * call.groups_x + wid.x) * ${workgroupSize}u + lid;
  let live = i < call.n;
  let row = select(0u, i, live);
  var x: array<f32, ${dim}>;
  for (var d = 0u; d < ${dim}u; d++) { x[d] = xs[row * ${dim}u + d]; }
  let score = mlp_score(x, 0u, call.m, call.s, lid);
  if (live) {
    for (var d = 0u; d < ${dim}u; d++) { scores[i * ${dim}u + d] = score[d]; }
  }
}`,
  });
  const pipeline = device.createComputePipeline({ label: 'mlp-score', layout: 'auto', compute: { module, entryPoint: 'main' } });
  const params = storageBuffer(device, description.weights, 'mlp-params');
  const time = storageBuffer(device, new Float32Array(description.frequencies.length * 2), 'mlp-time');
  const uniforms = device.createBuffer({ label: 'mlp-score-call', size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  return {
    async score(x, t, m, s) {
      const n = x.length / dim;
      if (!Number.isInteger(n) || n === 0) throw new RangeError(`MlpScorer.score: x must hold n * ${dim} values, n >= 1, got ${x.length}.`);
      const [groupsX, groupsY] = dispatchSize(n, workgroupSize);
      const call = new ArrayBuffer(16);
      new Uint32Array(call, 0, 2).set([n, groupsX]);
      new Float32Array(call, 8, 2).set([m, s]);
      device.queue.writeBuffer(uniforms, 0, call);
      writeFloats(device, time, 0, mlpTimeFeatures(description, [t]));
      const xs = storageBuffer(device, x, 'mlp-x');
      const out = device.createBuffer({ label: 'mlp-scores', size: x.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [params, time, uniforms, xs, out].map((buffer, binding) => ({ binding, resource: { buffer } })),
      });
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(groupsX, groupsY);
      pass.end();
      device.queue.submit([encoder.finish()]);
      try {
        return await readBuffer(device, out);
      } finally {
        xs.destroy();
        out.destroy();
      }
    },
    setWeights(weights) {
      if (weights.length !== description.weights.length) throw new RangeError(`MlpScorer.setWeights: expected ${description.weights.length} values, got ${weights.length}.`);
      writeFloats(device, params, 0, weights);
    },
    dispose() {
      params.destroy();
      time.destroy();
      uniforms.destroy();
    },
  };
}
