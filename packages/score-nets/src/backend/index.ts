export { tf } from './tf.js';
export { BACKEND_CHOICES, BACKEND_NAMES, type BackendName, TENSORFLOW_PACKAGES, selectBackend } from './select-backend.js';
export { BackendUnavailableError } from './backend-unavailable-error.js';
export { WEBGPU_PACKAGES, type WebgpuProbe, probeWebgpu } from './webgpu-backend.js';
export { TRANSPOSED_MATMUL_KERNELS, installWasmMatMulWorkaround, isTransposeFirst, transposeFirst } from './wasm-matmul.js';
