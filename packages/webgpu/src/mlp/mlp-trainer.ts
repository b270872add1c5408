import { ConfigError, type MlpScoreDescription } from '@scoreflow/core';
import { MLP_WORKGROUP } from './dense-wgsl.js';
import { readBuffer, storageBuffer, writeFloats } from './gpu-buffers.js';
import { mlpShape } from './mlp-shape.js';
import { mlpTimeFeatures } from './time-features.js';
import { adamWgsl, batchLayout, forwardBackwardWgsl, normWgsl, scratchLayout, weightGradientsWgsl } from './train-wgsl.js';

/** One DSM batch as score-nets' `drawDsmBatch` draws it on the host (its `DsmBatch` fits). */
export interface DsmRows {
  readonly n: number;
  readonly dim: number;
  /** Data x_0 and noises z (n x dim), times t, the marginal's m(t) and s(t), and the loss weights lambda / s^2 (n). */
  readonly x0: Float32Array;
  readonly z: Float32Array;
  readonly t: Float32Array;
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly weight: Float32Array;
}

/** Adam's state in the checkpoint layout: `m` and `v` flat in the order of the weights (score-nets' `TrainerState` moments, concatenated). */
export interface MlpAdamState {
  /** Steps taken. */
  readonly iterations: number;
  /** beta1^(k+1), beta2^(k+1) as float32 products. */
  readonly powers: readonly [number, number];
  readonly m: Float32Array;
  readonly v: Float32Array;
}

/** Options of `createMlpTrainer`: score-nets' optimiser options, and the batch size. */
export interface MlpTrainerOptions {
  /** Rows of every batch. */
  readonly batch: number;
  /** Peak Adam learning rate (default 1e-3). */
  readonly learningRate?: number;
  /** Steps of linear warm-up from learningRate / warmup (default 100). */
  readonly warmup?: number;
  /** Largest global gradient norm (default 1; Infinity: no clipping). */
  readonly clipNorm?: number;
  readonly resume?: MlpAdamState;
}

/** The MLP's DSM training on a device. */
export interface MlpTrainer {
  /** Queues one training step on `rows` (`options.batch` rows); `step` (0-based) sets the warmed-up learning rate. */
  step(rows: DsmRows, step: number): void;
  /** The loss of the last step's batch (before its update). */
  loss(): Promise<number>;
  /** The last step's gradients (before clipping), in the checkpoint layout. */
  gradients(): Promise<Float32Array>;
  /** The weights, in the checkpoint layout (`description.weights`'s). */
  weights(): Promise<Float32Array>;
  adam(): Promise<MlpAdamState>;
  dispose(): void;
}

/** TF.js's Adam keeps beta1^k and beta2^k as float32 tensors, multiplied by the float32 betas each step. */
const BETA1 = Math.fround(0.9);
const BETA2 = Math.fround(0.999);
/** TF.js's epsilon on float32 backends, as score-nets' `clippedAdam` uses it. */
const EPSILON = 1e-7;

/**
 * DSM training of `description`'s network on `device`: each `step` uploads the batch (the time
 * embedding of its rows computed on the host) and runs four dispatches in one submission: the
 * fused forward and backward pass per row, the weight gradients, the gradient norm and loss, and
 * Adam with global-norm clipping and linear warm-up (score-nets' `clippedAdam`: beta1 0.9, beta2
 * 0.999, epsilon 1e-7). Weights and moments stay on the device in score-nets' checkpoint layout:
 * `weights()` and `adam()` read them back for `assignFlatWeights` and a checkpoint's trainer state.
 * Throws a `ConfigError` for a description it cannot train (a conditional network).
 */
export function createMlpTrainer(device: GPUDevice, description: MlpScoreDescription, options: MlpTrainerOptions): MlpTrainer {
  const shape = mlpShape(description, 'createMlpTrainer');
  const { batch: rows, learningRate = 1e-3, warmup = 100, clipNorm = 1, resume } = options;
  const issues = [
    ...(description.classes > 0 ? [{ path: 'classes', message: `the GPU trains unconditional networks only (classes 0), got ${description.classes}` }] : []),
    ...(Number.isSafeInteger(rows) && rows >= 1 && rows <= 65_535 * MLP_WORKGROUP ? [] : [{ path: 'batch', message: `expected an integer in [1, ${65_535 * MLP_WORKGROUP}], got ${rows}` }]),
    ...(learningRate > 0 ? [] : [{ path: 'learningRate', message: `expected a number > 0, got ${learningRate}` }]),
    ...(clipNorm > 0 ? [] : [{ path: 'clipNorm', message: `expected a number > 0 (Infinity: no clipping), got ${clipNorm}` }]),
    ...(Number.isSafeInteger(warmup) && warmup >= 0 ? [] : [{ path: 'warmup', message: `expected an integer >= 0, got ${warmup}` }]),
    ...(resume === undefined || (resume.m.length === shape.size && resume.v.length === shape.size) ? [] : [{ path: 'resume', message: `expected m and v of ${shape.size} values, got ${resume.m.length} and ${resume.v.length}` }]),
  ];
  if (issues.length > 0) throw new ConfigError('createMlpTrainer: cannot train this network on the GPU', issues);
  const size = shape.table;
  const layout = batchLayout(shape, rows);
  const pipeline = (code: string, entryPoint: string) =>
    device.createComputePipeline({ label: `mlp-${entryPoint}`, layout: 'auto', compute: { module: device.createShaderModule({ label: `mlp-${entryPoint}`, code }), entryPoint } });
  const passes = [
    pipeline(forwardBackwardWgsl(description, shape, rows), 'forward_backward'),
    pipeline(weightGradientsWgsl(shape, rows), 'weight_gradients'),
    pipeline(normWgsl(shape, rows), 'norm'),
    pipeline(adamWgsl(shape, { beta1: BETA1, beta2: BETA2, epsilon: EPSILON }), 'adam_step'),
  ];
  const params = storageBuffer(device, description.weights, 'mlp-params');
  const batch = storageBuffer(device, new Float32Array(layout.size), 'mlp-batch');
  const scratch = storageBuffer(device, new Float32Array(scratchLayout(shape, rows).size), 'mlp-scratch');
  const rowLoss = storageBuffer(device, new Float32Array(rows), 'mlp-row-loss');
  const grads = storageBuffer(device, new Float32Array(size), 'mlp-grads');
  const moments = storageBuffer(device, new Float32Array(2 * size), 'mlp-moments');
  const stats = storageBuffer(device, new Float32Array(4), 'mlp-stats');
  const uniforms = device.createBuffer({ label: 'mlp-adam', size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  let iterations = resume?.iterations ?? 0;
  let [power1, power2] = resume?.powers ?? [BETA1, BETA2];
  if (resume !== undefined) {
    writeFloats(device, moments, 0, resume.m);
    writeFloats(device, moments, size * 4, resume.v);
  }
  const bind = (index: number, buffers: GPUBuffer[]) =>
    device.createBindGroup({ layout: (passes[index] as GPUComputePipeline).getBindGroupLayout(0), entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })) });
  const groups = [bind(0, [params, batch, scratch, rowLoss]), bind(1, [scratch, grads]), bind(2, [grads, rowLoss, stats, uniforms]), bind(3, [params, grads, moments, stats, uniforms])];
  const workgroups = [Math.ceil(rows / MLP_WORKGROUP), Math.ceil(size / MLP_WORKGROUP), 1, Math.ceil(size / MLP_WORKGROUP)];
  const upload = new Float32Array(layout.size);
  return {
    step(data, step) {
      if (data.n !== rows || data.dim !== shape.dim) throw new RangeError(`MlpTrainer.step: expected ${rows} rows of dim ${shape.dim}, got ${data.n} of dim ${data.dim}.`);
      upload.set(data.x0, layout.x0);
      upload.set(data.z, layout.z);
      upload.set(data.mean, layout.mean);
      upload.set(data.std, layout.std);
      upload.set(data.weight, layout.weight);
      upload.set(mlpTimeFeatures(description, data.t), layout.features);
      device.queue.writeBuffer(batch, 0, upload);
      const rate = learningRate * Math.min(1, (step + 1) / Math.max(1, warmup));
      device.queue.writeBuffer(uniforms, 0, Float32Array.from([rate, 1 - power1, 1 - power2, Number.isFinite(clipNorm) ? clipNorm : 0]));
      const encoder = device.createCommandEncoder({ label: 'mlp-train-step' });
      const pass = encoder.beginComputePass();
      passes.forEach((p, i) => {
        pass.setPipeline(p);
        pass.setBindGroup(0, groups[i] as GPUBindGroup);
        pass.dispatchWorkgroups(workgroups[i] as number);
      });
      pass.end();
      device.queue.submit([encoder.finish()]);
      power1 = Math.fround(power1 * BETA1);
      power2 = Math.fround(power2 * BETA2);
      iterations += 1;
    },
    loss: async () => (await readBuffer(device, stats, 2))[1] as number,
    gradients: () => readBuffer(device, grads, size),
    weights: async () => {
      const weights = Float32Array.from(description.weights);
      weights.set(await readBuffer(device, params, size));
      return weights;
    },
    adam: async () => {
      const both = await readBuffer(device, moments);
      const m = new Float32Array(shape.size);
      const v = new Float32Array(shape.size);
      m.set(both.subarray(0, size));
      v.set(both.subarray(size));
      return { iterations, powers: [power1, power2], m, v };
    },
    dispose() {
      for (const buffer of [params, batch, scratch, rowLoss, grads, moments, stats, uniforms]) buffer.destroy();
    },
  };
}
