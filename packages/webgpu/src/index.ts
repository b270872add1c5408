export {
  type AcquireGpuOptions,
  acquireGpu,
  currentHost,
  describeGpu,
  GPU_HELP,
  type GpuAdapterInfo,
  type GpuContext,
  type GpuDescription,
  type GpuHost,
  NoGpuAdapterError,
} from './device/index.js';
export { PHILOX_WGSL } from './random/index.js';
export { type ParticleBuffer, type ParticleChunk, type ParticleRange, planChunks, type UploadParticlesOptions, uploadParticles } from './buffers/index.js';
export { createGpuTimer, type GpuTimer, type GpuTimerOptions, type GpuTiming } from './timing/index.js';
export * from './stages/index.js';
export * from './mlp/index.js';
