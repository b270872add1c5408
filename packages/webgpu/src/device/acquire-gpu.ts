import type { GpuAdapterInfo, GpuContext } from './gpu-context.js';
import { currentHost, NoGpuAdapterError } from './no-gpu-adapter-error.js';
import { withinTime } from './within-time.js';

/** How to acquire a device. */
export interface AcquireGpuOptions {
  /** The WebGPU entry point; defaults to `navigator.gpu` (in Node: `nodeGpu()` of `@scoreflow/webgpu/node`). */
  readonly gpu?: GPU;
  readonly powerPreference?: GPUPowerPreference;
  /** The device's label, shown in WebGPU's error messages. */
  readonly label?: string;
  /** How long `requestAdapter` and `requestDevice` may each take, in milliseconds (default 15000). */
  readonly timeoutMs?: number;
}

/** Features asked for where the adapter offers them. */
const WANTED_FEATURES = ['timestamp-query', 'subgroups', 'shader-f16'] as const;

/** Limits raised to the adapter's maxima: the big storage buffers of large populations, and large workgroups. */
const RAISED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxStorageBuffersPerShaderStage',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
] as const;

/**
 * A WebGPU device for compute: asks `gpu` (default `navigator.gpu`) for an adapter, then for a
 * device with `timestamp-query`, `subgroups` and `shader-f16` where offered and the adapter's
 * maxima of the storage-buffer and workgroup limits. Never hangs: each request has `timeoutMs`.
 * Rejects with `NoGpuAdapterError` (why, and how to get an adapter here) when there is no
 * `navigator.gpu`, no adapter, no device, or no answer in time.
 *
 * @example
 * const gpu = await acquireGpu();            // a browser
 * const gpu = await acquireNodeGpu();        // Node, from '@scoreflow/webgpu/node'
 * gpu.adapter;                               // { vendor: 'google', architecture: 'swiftshader', ... }
 */
export async function acquireGpu(options: AcquireGpuOptions = {}): Promise<GpuContext> {
  const host = currentHost();
  const gpu = options.gpu ?? (typeof navigator === 'undefined' ? undefined : navigator.gpu);
  if (gpu === undefined) throw new NoGpuAdapterError('this JavaScript environment has no navigator.gpu', host);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const late = (what: string) => () => new NoGpuAdapterError(`${what} did not answer within ${timeoutMs} ms`, host);
  const adapter = await withinTime(
    Promise.resolve(gpu.requestAdapter({ powerPreference: options.powerPreference })),
    timeoutMs,
    late('requestAdapter()'),
  ).catch((error: unknown) => {
    if (error instanceof NoGpuAdapterError) throw error;
    throw new NoGpuAdapterError(`requestAdapter() failed: ${(error as Error)?.message ?? error}`, host, { cause: error });
  });
  if (adapter === null) throw new NoGpuAdapterError('requestAdapter() resolved null (no usable GPU or driver)', host);
  const info = await adapterInfo(adapter);
  const requiredFeatures = WANTED_FEATURES.filter((feature) => adapter.features.has(feature)) as GPUFeatureName[];
  const requiredLimits: Record<string, number> = {};
  for (const name of RAISED_LIMITS) {
    const value = (adapter.limits as unknown as Record<string, number | undefined>)[name];
    if (typeof value === 'number') requiredLimits[name] = value;
  }
  const device = await withinTime(
    adapter.requestDevice({ label: options.label ?? 'scoreflow', requiredFeatures, requiredLimits }),
    timeoutMs,
    late('requestDevice()'),
  ).catch((error: unknown) => {
    if (error instanceof NoGpuAdapterError) throw error;
    const name = `${info.vendor}/${info.architecture}`;
    throw new NoGpuAdapterError(`the adapter ${name} gave no device: ${(error as Error)?.message ?? error}`, host, { cause: error });
  });
  const features = [...device.features].map(String).sort();
  return {
    device,
    adapter: info,
    limits: device.limits,
    features,
    timestamps: features.includes('timestamp-query'),
    subgroups: features.includes('subgroups'),
  };
}

/** The adapter's vendor, architecture and description: `adapter.info` (current WebGPU) or `requestAdapterInfo()` (older). */
async function adapterInfo(adapter: GPUAdapter): Promise<GpuAdapterInfo> {
  const withInfo = adapter as GPUAdapter & { info?: GPUAdapterInfo };
  const info = withInfo.info ?? (typeof adapter.requestAdapterInfo === 'function' ? await adapter.requestAdapterInfo() : undefined);
  return { vendor: info?.vendor ?? '', architecture: info?.architecture ?? '', description: info?.description ?? '' };
}
