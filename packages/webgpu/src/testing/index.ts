export { type ChromiumGpu, launchChromiumGpu, WEBGPU_CHROMIUM_ARGS } from './in-chromium.js';
export { useChromiumGpu } from './use-chromium-gpu.js';
