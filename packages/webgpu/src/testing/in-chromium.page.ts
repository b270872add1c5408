/** Page-side probe for in-chromium.spec.ts: doubles numbers in a WGSL compute shader. */
export async function doubleOnGpu(values: number[]): Promise<{ adapter: string; doubled: number[] }> {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter in the page');
  const device = await adapter.requestDevice();
  const input = new Float32Array(values);
  const buffer = device.createBuffer({ size: input.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, input);
  const module = device.createShaderModule({
    code: `@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x < arrayLength(&x)) { x[id.x] = 2.0 * x[id.x]; }
}`,
  });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer } }] });
  const read = device.createBuffer({ size: input.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(values.length / 64));
  pass.end();
  encoder.copyBufferToBuffer(buffer, 0, read, 0, input.byteLength);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const doubled = Array.from(new Float32Array(read.getMappedRange().slice(0)));
  read.unmap();
  device.destroy();
  // `adapter.info` is current WebGPU; @webgpu/types 0.1.38 predates it.
  const { info } = adapter as GPUAdapter & { info: GPUAdapterInfo };
  return { adapter: `${info.vendor}/${info.architecture}`, doubled };
}
