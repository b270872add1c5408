import type { GpuContext } from '../device/gpu-context.js';

/** How long a labelled stretch of GPU work took, in milliseconds. */
export interface GpuTiming {
  readonly label: string;
  readonly ms: number;
}

/**
 * Times compute passes. With `timestamp-query` (kind `timestamp-query`) each pass is timed on the
 * GPU itself, from its start to its end; without it (kind `wall-clock`) the host's clock runs from
 * the first pass begun to the moment the queue reports the work done, one timing for all of them.
 * Browsers round GPU timestamps (Chromium to 100 µs unless its WebGPU developer features are on).
 */
export interface GpuTimer {
  readonly kind: 'timestamp-query' | 'wall-clock';
  /** Begins a compute pass on `encoder` that is timed under `label`. At most `capacity` passes between two `read`s. */
  beginComputePass(encoder: GPUCommandEncoder, label: string): GPUComputePassEncoder;
  /**
   * Once the passes begun since the last `read` are submitted: their timings, in the order they
   * were begun (wall-clock: one timing labelled with their labels joined by ` + `). Await it
   * before beginning more passes.
   */
  read(): Promise<GpuTiming[]>;
  /** Frees the query set and its buffers. */
  destroy(): void;
}

/** Options of `createGpuTimer`. */
export interface GpuTimerOptions {
  /** Most passes timed between two reads (default 64). */
  readonly capacity?: number;
}

/**
 * A `GpuTimer` on `context.device`: timestamp queries where `context.timestamps`, else the wall clock.
 *
 * @example
 * const timer = createGpuTimer(context);
 * const encoder = context.device.createCommandEncoder();
 * const pass = timer.beginComputePass(encoder, 'euler-maruyama x 100');
 * // ... setPipeline, dispatchWorkgroups, end ...
 * context.device.queue.submit([encoder.finish()]);
 * const [{ ms }] = await timer.read();
 */
export function createGpuTimer(context: Pick<GpuContext, 'device' | 'timestamps'>, options: GpuTimerOptions = {}): GpuTimer {
  const capacity = options.capacity ?? 64;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2048) {
    throw new RangeError(`createGpuTimer: capacity must be an integer in 1 .. 2048, got ${capacity}.`);
  }
  return context.timestamps ? timestampTimer(context.device, capacity) : wallClockTimer(context.device, capacity);
}

function checkRoom(labels: readonly string[], capacity: number, label: string): void {
  if (labels.length >= capacity) {
    throw new RangeError(`GpuTimer: pass '${label}' is one more than the timer's capacity of ${capacity} passes between reads: read() first, or a larger capacity.`);
  }
}

function timestampTimer(device: GPUDevice, capacity: number): GpuTimer {
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 * capacity });
  const resolve = device.createBuffer({ size: 16 * capacity, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const staging = device.createBuffer({ size: 16 * capacity, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  let labels: string[] = [];
  return {
    kind: 'timestamp-query',
    beginComputePass(encoder, label) {
      checkRoom(labels, capacity, label);
      const index = 2 * labels.length;
      labels.push(label);
      return encoder.beginComputePass({ label, timestampWrites: { querySet, beginningOfPassWriteIndex: index, endOfPassWriteIndex: index + 1 } });
    },
    async read() {
      const passes = labels;
      labels = [];
      if (passes.length === 0) return [];
      const encoder = device.createCommandEncoder();
      encoder.resolveQuerySet(querySet, 0, 2 * passes.length, resolve, 0);
      encoder.copyBufferToBuffer(resolve, 0, staging, 0, 16 * passes.length);
      device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ, 0, 16 * passes.length);
      const ticks = new BigUint64Array(staging.getMappedRange(0, 16 * passes.length).slice(0));
      staging.unmap();
      // Nanoseconds; a pass the GPU timed as ending before it began (it may, across clock domains) counts 0.
      return passes.map((label, i) => ({ label, ms: Math.max(0, Number(ticks[2 * i + 1] - ticks[2 * i])) / 1e6 }));
    },
    destroy() {
      querySet.destroy();
      resolve.destroy();
      staging.destroy();
    },
  };
}

function wallClockTimer(device: GPUDevice, capacity: number): GpuTimer {
  let labels: string[] = [];
  let start = 0;
  return {
    kind: 'wall-clock',
    beginComputePass(encoder, label) {
      checkRoom(labels, capacity, label);
      if (labels.length === 0) start = performance.now();
      labels.push(label);
      return encoder.beginComputePass({ label });
    },
    async read() {
      const passes = labels;
      labels = [];
      if (passes.length === 0) return [];
      await device.queue.onSubmittedWorkDone();
      return [{ label: passes.join(' + '), ms: performance.now() - start }];
    },
    destroy: () => undefined, // nothing held
  };
}
