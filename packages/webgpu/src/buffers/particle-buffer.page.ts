/** Page-side probe for particle-buffer.chromium.spec.ts: uploads batches in chunks, moves them in a kernel, reads them back. */
import { idsOf, labelsOf, makeParticleBatch, type ParticleBatch, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { acquireGpu } from '../device/acquire-gpu.js';
import { uploadParticles } from './particle-buffer.js';

/** What a batch holds, as JSON. */
export interface BatchJson {
  fields: string[];
  metadata: Record<string, string>;
  id: number[];
  step: number[];
  t: number[];
  x: number[];
  label: number[] | null;
}

const toJson = (batch: ParticleBatch): BatchJson => ({
  fields: batch.schema.fields.map((field) => `${field.name}:${field.type}`),
  metadata: Object.fromEntries(batch.schema.metadata),
  id: Array.from(idsOf(batch)),
  step: Array.from(stepsOf(batch)),
  t: Array.from(timesOf(batch)),
  x: Array.from(positionsOf(batch)),
  label: labelsOf(batch) === undefined ? null : Array.from(labelsOf(batch) as Int32Array),
});

// x <- 2 x + id, per coordinate: a step that needs both buffers of a chunk.
const KERNEL = `
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read> ids: array<u32>;
@group(0) @binding(2) var<uniform> shape: vec2<u32>; // (count, dim)
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  if (g.x >= shape.x * shape.y) { return; }
  x[g.x] = 2.0 * x[g.x] + f32(ids[g.x / shape.y]);
}`;

/**
 * Uploads batches of `sizes` rows (dimension `dim`, ids from `firstId`, labels when `labels`,
 * positions 0.5, 1.5, ...) with chunks of at most `maxBindingSize` bytes, runs the kernel on
 * every chunk, and returns the chunk ranges, the snapshot at (step, t) and the input batches.
 */
export async function roundTrip(sizes: number[], dim: number, firstId: number, labels: boolean, maxBindingSize: number | null, step: number, t: number) {
  const { device } = await acquireGpu();
  let first = 0;
  const input = sizes.map((rows) => {
    const x = Float32Array.from({ length: rows * dim }, (_, i) => first * dim + i + 0.5);
    const batch = makeParticleBatch({
      x,
      dim,
      id: firstId + first,
      step: 3,
      t: 1,
      label: labels ? Int32Array.from({ length: rows }, (_, i) => (first + i) % 3) : undefined,
      metadata: { run: 'chunked', seed: 7 },
    });
    first += rows;
    return batch;
  });
  const population = uploadParticles(device, input, maxBindingSize === null ? {} : { maxBindingSize });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code: KERNEL }), entryPoint: 'main' } });
  const encoder = device.createCommandEncoder();
  for (const chunk of population.chunks) {
    const shape = device.createBuffer({ size: 8, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(shape, 0, new Uint32Array([chunk.count, dim]));
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [chunk.x, chunk.ids, shape].map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil((chunk.count * dim) / 64));
    pass.end();
  }
  device.queue.submit([encoder.finish()]);
  const snapshot = await population.snapshot({ step, t });
  const chunks = population.chunks.map(({ first, count }) => ({ first, count }));
  population.destroy();
  device.destroy();
  return { chunks, input: input.map(toJson), output: snapshot.map(toJson) };
}
