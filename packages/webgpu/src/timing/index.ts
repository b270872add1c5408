export { createGpuTimer, type GpuTimer, type GpuTimerOptions, type GpuTiming } from './gpu-timer.js';
