export { type AcquiredGpu, type WebGpuAccelerator, webgpuAccelerator } from './webgpu-accelerator.js';
export { GPU_METHODS, GPU_SCORES, checkGpuSpec } from './check-spec.js';
export { steppedStage } from './stepped-stage.js';
export { STEP, STEP_STRIDE, type StepProgram, stepProgram } from './step-program.js';
export { MAX_GPU_DIM, mixtureScoreWgsl, mixtureTable } from './mixture-score-wgsl.js';
export { type StepKernelShape, WORKGROUP_SIZE, stepKernelWgsl } from './step-kernel-wgsl.js';
export { type BatchOnDevice, type StageKernel, batchOnDevice, compileStageKernel } from './step-runner.js';
