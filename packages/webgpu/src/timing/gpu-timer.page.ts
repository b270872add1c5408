/** Page-side probe for gpu-timer.chromium.spec.ts: times a light and a heavy pass. */
import { acquireGpu } from '../device/acquire-gpu.js';
import { createGpuTimer, type GpuTiming } from './gpu-timer.js';

// Each invocation spins `loops` times: the work grows with it.
const KERNEL = `
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<uniform> loops: u32;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  var v = x[g.x];
  for (var i = 0u; i < loops; i++) { v = fract(v * 1.0001 + 0.37); }
  x[g.x] = v;
}`;

/** Timings of a light pass (`light` loops) and a heavy one (`heavy` loops), with timestamps when `timestamps` and the device has them. */
export async function timePasses(light: number, heavy: number, timestamps: boolean): Promise<{ kind: string; timings: GpuTiming[]; overflow: string }> {
  const context = await acquireGpu();
  const { device } = context;
  const timer = createGpuTimer({ device, timestamps: timestamps && context.timestamps }, { capacity: 2 });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code: KERNEL }), entryPoint: 'main' } });
  const x = device.createBuffer({ size: 4 * 4096, usage: GPUBufferUsage.STORAGE });
  const encoder = device.createCommandEncoder();
  for (const [label, loops] of [['light', light], ['heavy', heavy]] as const) {
    const uniform = device.createBuffer({ size: 4, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(uniform, 0, new Uint32Array([loops]));
    const pass = timer.beginComputePass(encoder, label);
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: x } }, { binding: 1, resource: { buffer: uniform } }] }));
    pass.dispatchWorkgroups(4096 / 64);
    pass.end();
  }
  let overflow = '';
  try {
    timer.beginComputePass(device.createCommandEncoder(), 'third');
  } catch (error) {
    overflow = (error as Error).message;
  }
  device.queue.submit([encoder.finish()]);
  const timings = await timer.read();
  timer.destroy();
  device.destroy();
  return { kind: timer.kind, timings, overflow };
}
