import { ScoreflowError } from '@scoreflow/core';

/** Where the code runs, which decides how to get an adapter. */
export type GpuHost = 'node' | 'browser';

/** How to get a WebGPU adapter, for each host (also in packages/webgpu/README.md). */
export const GPU_HELP: Readonly<Record<GpuHost, string>> = {
  node:
    'In Node, WebGPU comes from the optional package `webgpu` (npm install webgpu@0.6.2, Dawn) over a Vulkan driver: ' +
    'install the Vulkan loader (Debian: apt-get install libvulkan1) and the GPU vendor\'s driver (e.g. NVIDIA\'s), check with `vulkaninfo --summary`.',
  browser:
    'In a browser, use one with WebGPU (Chrome or Chromium 113+, Edge, Safari 26+) in a secure context (https or localhost); ' +
    'headless Chromium without a GPU: --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader.',
};

/**
 * No WebGPU device could be had: no `navigator.gpu`, no adapter, an adapter that gave no device,
 * or one that did not answer in time. The message says why, then how to get one on this host
 * (`GPU_HELP`). A runtime failure of the `ScoreflowError` family (the CLI exits with 1).
 */
export class NoGpuAdapterError extends ScoreflowError {
  override readonly name = 'NoGpuAdapterError';
  /** Why there is no device, e.g. `requestAdapter() resolved null`. */
  readonly reason: string;
  constructor(reason: string, host: GpuHost, options?: { cause?: unknown }) {
    super(`No WebGPU adapter: ${reason}. ${GPU_HELP[host]}`, options);
    this.reason = reason;
  }
}

/** Whether this code runs in Node (else: a browser or a worker). */
export const currentHost = (): GpuHost =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' ? 'node' : 'browser';
