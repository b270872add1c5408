export { type AcquireGpuOptions, acquireGpu } from './acquire-gpu.js';
export { describeGpu, type GpuAdapterInfo, type GpuContext, type GpuDescription } from './gpu-context.js';
export { currentHost, GPU_HELP, type GpuHost, NoGpuAdapterError } from './no-gpu-adapter-error.js';
