import { WORKGROUP_SIZE } from './step-kernel-wgsl.js';

/** Workgroups along x of one dispatch (WebGPU's guaranteed `maxComputeWorkgroupsPerDimension`). */
const MAX_WORKGROUPS_X = 65_535;

/** A compiled stage kernel and the constant buffers every batch reads (the step program, the score's table). */
export interface StageKernel {
  readonly device: GPUDevice;
  readonly pipeline: GPUComputePipeline;
  readonly dim: number;
  /** Constant storage buffers by binding (program at 2, the score's table at 4). */
  readonly constants: ReadonlyMap<number, GPUBuffer>;
  /** Whether the kernel binds a `denoised` buffer (5). */
  readonly keepsDenoised: boolean;
}

/**
 * Compiles `code` (a kernel of `stepKernelWgsl`) on `device` and uploads its constant buffers.
 * A WGSL error is thrown with the compiler's messages (a bug, not bad input).
 */
export async function compileStageKernel(device: GPUDevice, code: string, dim: number, constants: ReadonlyMap<number, Float32Array>, keepsDenoised: boolean): Promise<StageKernel> {
  const module = device.createShaderModule({ code, label: 'scoreflow stage' });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((message) => message.type === 'error');
  if (errors.length > 0) throw new Error(`WGSL of the stage kernel does not compile:\n${errors.map((e) => `${e.lineNum}:${e.linePos} ${e.message}`).join('\n')}`);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const buffers = new Map<number, GPUBuffer>();
  for (const [binding, values] of constants) buffers.set(binding, upload(device, values, GPUBufferUsage.STORAGE));
  return { device, pipeline, dim, constants: buffers, keepsDenoised };
}

/** One batch on the device: its positions (and D_prev), advanced `count` steps per dispatch and read back into a Float32Array. */
export interface BatchOnDevice {
  /** Queues one dispatch: every particle from step `first` through `count` steps. */
  run(first: number, count: number): void;
  /** Copies the positions back into `into` (n * dim) once the queued dispatches are done. */
  read(into: Float32Array): Promise<void>;
  /** Frees the batch's buffers. */
  destroy(): void;
}

/**
 * Uploads a batch (positions `x`, particle `ids`) for `kernel`, with the counter RNG's `key` and
 * `stream`. Throws a RangeError when the positions exceed the device's largest storage binding
 * (a smaller `batchSize` fits).
 */
export function batchOnDevice(kernel: StageKernel, x: Float32Array, ids: Uint32Array, key: readonly [number, number], stream: number): BatchOnDevice {
  const { device, pipeline, dim } = kernel;
  const n = ids.length;
  if (x.byteLength > device.limits.maxStorageBufferBindingSize) {
    throw new RangeError(`a batch of ${n} particles of dimension ${dim} needs ${x.byteLength} bytes, the device binds at most ${device.limits.maxStorageBufferBindingSize}: use a smaller batchSize.`);
  }
  const positions = upload(device, x, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
  const idBuffer = upload(device, ids, GPUBufferUsage.STORAGE);
  const denoised = kernel.keepsDenoised ? upload(device, new Float32Array(x.length), GPUBufferUsage.STORAGE) : undefined;
  const params = device.createBuffer({ size: 32, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const staging = device.createBuffer({ size: Math.max(4, x.byteLength), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const entries: GPUBindGroupEntry[] = [
    { binding: 0, resource: { buffer: positions } },
    { binding: 1, resource: { buffer: idBuffer } },
    { binding: 3, resource: { buffer: params } },
    ...[...kernel.constants].map(([binding, buffer]) => ({ binding, resource: { buffer } })),
    ...(denoised === undefined ? [] : [{ binding: 5, resource: { buffer: denoised } }]),
  ];
  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const groups = Math.ceil(n / WORKGROUP_SIZE);
  const groupsX = Math.min(groups, MAX_WORKGROUPS_X);
  const groupsY = Math.ceil(groups / groupsX);
  return {
    run(first, count) {
      device.queue.writeBuffer(params, 0, new Uint32Array([n, first, count, stream, key[0], key[1], groupsX * WORKGROUP_SIZE, 0]));
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(groupsX, groupsY);
      pass.end();
      device.queue.submit([encoder.finish()]);
    },
    async read(into) {
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(positions, 0, staging, 0, x.byteLength);
      device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      into.set(new Float32Array(staging.getMappedRange(), 0, into.length));
      staging.unmap();
    },
    destroy() {
      for (const buffer of [positions, idBuffer, denoised, params, staging]) buffer?.destroy();
    },
  };
}

function upload(device: GPUDevice, values: Float32Array | Uint32Array, usage: number): GPUBuffer {
  const buffer = device.createBuffer({ size: Math.max(16, Math.ceil(values.byteLength / 16) * 16), usage: usage | GPUBufferUsage.COPY_DST, mappedAtCreation: true });
  (values instanceof Float32Array ? new Float32Array(buffer.getMappedRange()) : new Uint32Array(buffer.getMappedRange())).set(values);
  buffer.unmap();
  return buffer;
}
