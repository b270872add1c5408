/** Most workgroups along one dimension of a dispatch (WebGPU's default `maxComputeWorkgroupsPerDimension`). */
const MAX_GROUPS = 65_535;

/** Workgroups (x, y) that cover `rows` invocations in groups of `size`: y > 1 only past 65,535 groups. */
export function dispatchSize(rows: number, size: number): [number, number] {
  const groups = Math.ceil(rows / size);
  const y = Math.ceil(groups / MAX_GROUPS);
  return [Math.ceil(groups / y), y];
}

/** A storage buffer holding `values` (at least 4 bytes), readable back and writable from the host. */
export function storageBuffer(device: GPUDevice, values: Float32Array, label: string): GPUBuffer {
  const buffer = device.createBuffer({ label, size: Math.max(4, values.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  if (values.length > 0) writeFloats(device, buffer, 0, values);
  return buffer;
}

/** The float32 contents of `buffer` (its first `length` values; all by default), through a mapped staging copy. */
export async function readBuffer(device: GPUDevice, buffer: GPUBuffer, length = buffer.size / 4): Promise<Float32Array> {
  const staging = device.createBuffer({ size: length * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, length * 4);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const values = new Float32Array(staging.getMappedRange().slice(0));
  staging.unmap();
  staging.destroy();
  return values;
}

/** Writes `values` into `buffer` at byte `offset` (any Float32Array, views included). */
export function writeFloats(device: GPUDevice, buffer: GPUBuffer, offset: number, values: Float32Array): void {
  device.queue.writeBuffer(buffer, offset, values.buffer, values.byteOffset, values.byteLength);
}
