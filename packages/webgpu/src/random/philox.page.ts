/** Page-side kernels for philox-wgsl.chromium.spec.ts: the counter RNG's words and normals computed in WGSL. */
import { acquireGpu } from '../device/acquire-gpu.js';
import type { GpuAdapterInfo } from '../device/gpu-context.js';
import { PHILOX_WGSL } from './philox-wgsl.js';

const KERNEL = `${PHILOX_WGSL}
@group(0) @binding(0) var<storage, read> counters: array<vec4<u32>>;
@group(0) @binding(1) var<uniform> key: vec2<u32>;
@group(0) @binding(2) var<storage, read_write> words: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> uniforms: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> normals: array<vec4<f32>>;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  if (g.x >= arrayLength(&counters)) { return; }
  let c = counters[g.x];
  let w = counter_words(key, c.x, c.y, c.z, c.w);
  words[g.x] = w;
  uniforms[g.x] = counter_uniforms(w);
  normals[g.x] = counter_normals(w);
}`;

/** One device and compiled kernel for every call of the page (SwiftShader compiles slowly). */
let kernel: Promise<{ device: GPUDevice; adapter: GpuAdapterInfo; pipeline: GPUComputePipeline }> | undefined;

async function compile() {
  const { device, adapter } = await acquireGpu();
  const module = device.createShaderModule({ code: KERNEL });
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  return { device, adapter, pipeline };
}

/**
 * For each counter (id, step, stream, call) and the key [seed mod 2^32, floor(seed / 2^32)]: the
 * four words, uniforms and normals of `counter_words`, `counter_uniforms` and `counter_normals`
 * (4 numbers per counter, flat), with the adapter's name.
 */
export async function counterDrawsOnGpu(
  counters: number[],
  key: [number, number],
): Promise<{ adapter: string; words: number[]; uniforms: number[]; normals: number[] }> {
  const { device, adapter, pipeline } = await (kernel ??= compile());
  const n = counters.length / 4;
  const bytes = n * 16;
  const storage = (usage: number) => device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | usage });
  const input = storage(GPUBufferUsage.COPY_DST);
  device.queue.writeBuffer(input, 0, new Uint32Array(counters));
  const keyBuffer = device.createBuffer({ size: 8, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(keyBuffer, 0, new Uint32Array(key));
  const outputs = [storage(GPUBufferUsage.COPY_SRC), storage(GPUBufferUsage.COPY_SRC), storage(GPUBufferUsage.COPY_SRC)];
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [input, keyBuffer, ...outputs].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const reads = outputs.map(() => device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST }));
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(n / 64));
  pass.end();
  outputs.forEach((output, i) => encoder.copyBufferToBuffer(output, 0, reads[i], 0, bytes));
  device.queue.submit([encoder.finish()]);
  await Promise.all(reads.map((read) => read.mapAsync(GPUMapMode.READ)));
  const [words, uniforms, normals] = reads.map((read, i) => {
    const data = read.getMappedRange();
    return i === 0 ? Array.from(new Uint32Array(data)) : Array.from(new Float32Array(data));
  });
  for (const buffer of [input, keyBuffer, ...outputs, ...reads]) buffer.destroy();
  return { adapter: `${adapter.vendor}/${adapter.architecture}`, words, uniforms, normals };
}
