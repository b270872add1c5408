import { WORKGROUP_SIZE } from './step-kernel-wgsl.js';

/** Workgroups along x of one dispatch (WebGPU's guaranteed `maxComputeWorkgroupsPerDimension`). */
const MAX_WORKGROUPS_X = 65_535;

/** A compiled stage kernel and the constant buffers every batch reads (a step program, the score's table). */
export interface StageKernel {
  readonly device: GPUDevice;
  readonly pipeline: GPUComputePipeline;
  readonly dim: number;
  /** Constant storage buffers by binding (a step program at 2; the score's table at 4, an MLP's weights and time features at 6 and 7). */
  readonly constants: ReadonlyMap<number, GPUBuffer>;
}

/**
 * Compiles `code` (a kernel of `stepKernelWgsl` or `chainKernelWgsl`) on `device` and uploads its constant buffers.
 * A WGSL error is thrown with the compiler's messages (a bug, not bad input).
 */
export async function compileStageKernel(device: GPUDevice, code: string, dim: number, constants: ReadonlyMap<number, Float32Array>): Promise<StageKernel> {
  const module = device.createShaderModule({ code, label: 'scoreflow stage' });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((message) => message.type === 'error');
  if (errors.length > 0) throw new Error(`WGSL of the stage kernel does not compile:\n${errors.map((e) => `${e.lineNum}:${e.linePos} ${e.message}`).join('\n')}`);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const buffers = new Map<number, GPUBuffer>();
  for (const [binding, values] of constants) buffers.set(binding, upload(device, values, GPUBufferUsage.STORAGE));
  return { device, pipeline, dim, constants: buffers };
}

/** One batch on the device: its positions (and the kernel's own per-particle buffers), advanced by dispatches and read back. */
export interface BatchOnDevice {
  /** Queues one dispatch: every particle from step `first` through `count` steps. */
  run(first: number, count: number): void;
  /** Copies the positions back into `into` (n * dim), and each of `buffers` (binding -> array) too, once the queued dispatches are done. */
  read(into: Float32Array, buffers?: ReadonlyMap<number, Float32Array>): Promise<void>;
  /** Frees the batch's buffers. */
  destroy(): void;
}

/** The uniform words of one dispatch of `count` steps from `first`, with `rowWidth` invocations per row of workgroups. */
export type DispatchParams = (first: number, count: number, rowWidth: number) => Uint32Array<ArrayBuffer>;

/**
 * Uploads a batch (positions `x` at binding 0, particle `ids` at 1) for `kernel`, with the batch's
 * own read-write buffers `own` (binding -> initial values: DPM-Solver++'s D_prev, the chains'
 * state) and the uniforms of each dispatch from `params` (binding 3, up to 64 bytes). Throws a
 * RangeError when the positions exceed the device's largest storage binding (a smaller
 * `batchSize` fits).
 */
export function batchOnDevice(kernel: StageKernel, x: Float32Array, ids: Uint32Array, params: DispatchParams, own: ReadonlyMap<number, Float32Array> = new Map()): BatchOnDevice {
  const { device, pipeline, dim } = kernel;
  const n = ids.length;
  if (x.byteLength > device.limits.maxStorageBufferBindingSize) {
    throw new RangeError(`a batch of ${n} particles of dimension ${dim} needs ${x.byteLength} bytes, the device binds at most ${device.limits.maxStorageBufferBindingSize}: use a smaller batchSize.`);
  }
  const copied = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC;
  const positions = upload(device, x, copied);
  const idBuffer = upload(device, ids, GPUBufferUsage.STORAGE);
  const owned = new Map([...own].map(([binding, values]) => [binding, upload(device, values, copied)] as const));
  const uniforms = device.createBuffer({ size: 64, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const entries: GPUBindGroupEntry[] = [
    { binding: 0, resource: { buffer: positions } },
    { binding: 1, resource: { buffer: idBuffer } },
    { binding: 3, resource: { buffer: uniforms } },
    ...[...kernel.constants, ...owned].map(([binding, buffer]) => ({ binding, resource: { buffer } })),
  ];
  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const groups = Math.ceil(n / WORKGROUP_SIZE);
  const groupsX = Math.min(groups, MAX_WORKGROUPS_X);
  const groupsY = Math.ceil(groups / groupsX);
  return {
    run(first, count) {
      device.queue.writeBuffer(uniforms, 0, params(first, count, groupsX * WORKGROUP_SIZE));
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(groupsX, groupsY);
      pass.end();
      device.queue.submit([encoder.finish()]);
    },
    async read(into, buffers = new Map()) {
      const wanted: [GPUBuffer, Float32Array][] = [[positions, into]];
      for (const [binding, values] of buffers) {
        const buffer = owned.get(binding);
        if (buffer === undefined) throw new RangeError(`batchOnDevice: the batch has no buffer at binding ${binding}.`);
        wanted.push([buffer, values]);
      }
      const encoder = device.createCommandEncoder();
      const staging = wanted.map(([buffer, values]) => {
        const target = device.createBuffer({ size: Math.max(16, Math.ceil(values.byteLength / 16) * 16), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
        encoder.copyBufferToBuffer(buffer, 0, target, 0, target.size);
        return target;
      });
      device.queue.submit([encoder.finish()]);
      await Promise.all(staging.map((target) => target.mapAsync(GPUMapMode.READ)));
      staging.forEach((target, index) => {
        const values = wanted[index][1];
        values.set(new Float32Array(target.getMappedRange(), 0, values.length));
        target.destroy();
      });
    },
    destroy() {
      for (const buffer of [positions, idBuffer, uniforms, ...owned.values()]) buffer.destroy();
    },
  };
}

function upload(device: GPUDevice, values: Float32Array | Uint32Array, usage: number): GPUBuffer {
  const buffer = device.createBuffer({ size: Math.max(16, Math.ceil(values.byteLength / 16) * 16), usage: usage | GPUBufferUsage.COPY_DST, mappedAtCreation: true });
  (values instanceof Float32Array ? new Float32Array(buffer.getMappedRange()) : new Uint32Array(buffer.getMappedRange())).set(values);
  buffer.unmap();
  return buffer;
}
