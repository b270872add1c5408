/** Who made the adapter, as WebGPU's `GPUAdapterInfo` tells (empty strings where it does not). */
export interface GpuAdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
}

/** A WebGPU device ready for compute, with what its adapter offers (`acquireGpu`). */
export interface GpuContext {
  readonly device: GPUDevice;
  readonly adapter: GpuAdapterInfo;
  /** The device's limits: the adapter's maxima for storage buffers and compute workgroups (see `acquireGpu`). */
  readonly limits: GPUSupportedLimits;
  /** The device's features, sorted (e.g. `shader-f16`, `subgroups`, `timestamp-query`). */
  readonly features: readonly string[];
  /** Whether the device has `timestamp-query`: `GpuTimer` then times passes on the GPU itself. */
  readonly timestamps: boolean;
  /** Whether the device has `subgroups` (WGSL `enable subgroups;`). */
  readonly subgroups: boolean;
}

/** A GPU context as JSON-like data, for logs, manifests and tests. */
export interface GpuDescription {
  readonly adapter: GpuAdapterInfo;
  /** `vendor/architecture (description)`, e.g. `google/swiftshader (...)`. */
  readonly label: string;
  readonly features: readonly string[];
  readonly timestamps: boolean;
  /** Every numeric limit of the device, by its WebGPU name. */
  readonly limits: Readonly<Record<string, number>>;
}

/**
 * `context` as plain data: the adapter, a one-line label, features and limits.
 *
 * @example
 * describeGpu(await acquireGpu()).label; // 'google/swiftshader' in headless Chromium without a GPU
 */
export function describeGpu(context: GpuContext): GpuDescription {
  const limits: Record<string, number> = {};
  // WebIDL attributes live on the prototype and are enumerable: for-in sees them.
  for (const name in context.limits) {
    const value = (context.limits as unknown as Record<string, unknown>)[name];
    if (typeof value === 'number') limits[name] = value;
  }
  const { vendor, architecture, description } = context.adapter;
  const label = `${vendor || 'unknown'}/${architecture || 'unknown'}${description ? ` (${description})` : ''}`;
  return { adapter: context.adapter, label, features: context.features, timestamps: context.timestamps, limits };
}
