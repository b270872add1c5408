import {
  checkParticleBatch,
  DimensionError,
  dimOf,
  idsOf,
  labelsOf,
  makeParticleBatch,
  metadataOf,
  type ParticleBatch,
  type ParticleMetadata,
  positionsOf,
  ScoreflowError,
} from '@scoreflow/core';
import { type ParticleRange, planChunks } from './chunk-plan.js';

/** The particles of one GPU buffer pair: rows `first .. first + count - 1` of the population. */
export interface ParticleChunk extends ParticleRange {
  /** Positions, `count * dim` float32, row-major (binding-ready: STORAGE, COPY_SRC, COPY_DST). */
  readonly x: GPUBuffer;
  /** Particle ids, `count` u32 (the counter RNG's first counter word). */
  readonly ids: GPUBuffer;
}

/**
 * A population kept on the GPU across steps: uploaded once from particle batches, split into
 * chunks that each fit one storage binding, read back as particle batches at snapshots.
 */
export interface ParticleBuffer {
  readonly n: number;
  readonly dim: number;
  readonly chunks: readonly ParticleChunk[];
  /** Host copies of what does not change on the GPU: ids and labels, and the run's metadata. */
  readonly ids: Uint32Array;
  readonly labels: Int32Array | undefined;
  readonly metadata: ParticleMetadata;
  /** Rows of each uploaded batch, in order: snapshots come back in the same batches. */
  readonly batchSizes: readonly number[];
  /** All positions, row-major (`n * dim`), once the work queued so far is done. */
  readPositions(): Promise<Float32Array>;
  /**
   * The population now, as the uploaded batches (same rows, ids, labels, schema metadata) with
   * `step` and `t` set: what a CPU stage emits at a snapshot.
   */
  snapshot(at: { readonly step: number; readonly t: number }): Promise<ParticleBatch[]>;
  /** Frees the GPU buffers. */
  destroy(): void;
}

/** Options of `uploadParticles`. */
export interface UploadParticlesOptions {
  /** Most bytes of positions per chunk; default the device's `maxStorageBufferBindingSize` (or `maxBufferSize` where smaller). */
  readonly maxBindingSize?: number;
  /** Prefix of the buffers' labels, shown in WebGPU's messages. */
  readonly label?: string;
}

/** Buffer sizes rounded up to 16 bytes, so kernels may read vec4s. */
const padded = (bytes: number) => Math.max(16, Math.ceil(bytes / 16) * 16);

/**
 * Uploads the particle batches of a population (one dimension; all with labels or none) to
 * `device` as a `ParticleBuffer`: positions and ids in chunks of at most `maxBindingSize` bytes of
 * positions (`planChunks`). A `weight` column is not kept. Throws a `DimensionError` when the
 * batches' dimensions differ, a `ScoreflowError` when some have labels and some not.
 *
 * @example
 * const population = uploadParticles(context.device, batches);
 * // ... dispatch kernels over population.chunks ...
 * const batches = await population.snapshot({ step: 100, t: 0.001 });
 */
export function uploadParticles(device: GPUDevice, input: ParticleBatch | readonly ParticleBatch[], options: UploadParticlesOptions = {}): ParticleBuffer {
  const batches = (Array.isArray(input) ? input : [input]).map((batch) => checkParticleBatch(batch, 'uploadParticles'));
  if (batches.length === 0) throw new RangeError('uploadParticles: batches must hold at least one batch, got none.');
  const dim = dimOf(batches[0]);
  const withLabels = labelsOf(batches[0]) !== undefined;
  batches.forEach((batch, b) => {
    if (dimOf(batch) !== dim) throw new DimensionError(`uploadParticles: batch ${b}`, dim, dimOf(batch));
    if ((labelsOf(batch) !== undefined) !== withLabels) {
      throw new ScoreflowError(`uploadParticles: batch ${b} ${withLabels ? 'has no' : 'has a'} 'label' column, batch 0 ${withLabels ? 'has one' : 'has none'}.`);
    }
  });
  const batchSizes = batches.map((batch) => batch.numRows);
  const n = batchSizes.reduce((sum, rows) => sum + rows, 0);
  const ids = new Uint32Array(n);
  const labels = withLabels ? new Int32Array(n) : undefined;
  const maxBindingSize = options.maxBindingSize ?? Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  const name = options.label ?? 'particles';
  const chunks: ParticleChunk[] = planChunks(n, dim, maxBindingSize).map((range, c) => ({
    ...range,
    x: device.createBuffer({ label: `${name} x ${c}`, size: padded(range.count * dim * 4), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST }),
    ids: device.createBuffer({ label: `${name} ids ${c}`, size: padded(range.count * 4), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST }),
  }));
  let row = 0;
  for (const batch of batches) {
    const x = positionsOf(batch);
    ids.set(idsOf(batch), row);
    if (labels !== undefined) labels.set(labelsOf(batch) as Int32Array, row);
    for (const chunk of chunks) {
      const from = Math.max(row, chunk.first);
      const to = Math.min(row + batch.numRows, chunk.first + chunk.count);
      if (from >= to) continue;
      device.queue.writeBuffer(chunk.x, (from - chunk.first) * dim * 4, x as Float32Array<ArrayBuffer>, (from - row) * dim, (to - from) * dim);
    }
    row += batch.numRows;
  }
  for (const chunk of chunks) device.queue.writeBuffer(chunk.ids, 0, ids, chunk.first, chunk.count);
  const metadata = metadataOf(batches[0]);
  const readPositions = () => readChunks(device, chunks, n, dim);
  return {
    n,
    dim,
    chunks,
    ids,
    labels,
    metadata,
    batchSizes,
    readPositions,
    async snapshot({ step, t }) {
      const x = await readPositions();
      let first = 0;
      return batchSizes.map((rows) => {
        const end = first + rows;
        const batch = makeParticleBatch({
          x: x.subarray(first * dim, end * dim),
          dim,
          id: ids.subarray(first, end),
          step,
          t,
          label: labels?.subarray(first, end),
          metadata,
        });
        first = end;
        return batch;
      });
    },
    destroy() {
      for (const chunk of chunks) {
        chunk.x.destroy();
        chunk.ids.destroy();
      }
    },
  };
}

/** The positions of every chunk, copied through mapped staging buffers into one array. */
async function readChunks(device: GPUDevice, chunks: readonly ParticleChunk[], n: number, dim: number): Promise<Float32Array> {
  const x = new Float32Array(n * dim);
  const encoder = device.createCommandEncoder();
  const staging = chunks.map((chunk) => {
    const buffer = device.createBuffer({ size: padded(chunk.count * dim * 4), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    encoder.copyBufferToBuffer(chunk.x, 0, buffer, 0, buffer.size);
    return buffer;
  });
  device.queue.submit([encoder.finish()]);
  try {
    await Promise.all(
      staging.map(async (buffer, c) => {
        await buffer.mapAsync(GPUMapMode.READ);
        x.set(new Float32Array(buffer.getMappedRange(), 0, chunks[c].count * dim), chunks[c].first * dim);
        buffer.unmap();
      }),
    );
  } finally {
    for (const buffer of staging) buffer.destroy();
  }
  return x;
}
