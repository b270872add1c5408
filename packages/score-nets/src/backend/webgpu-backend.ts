import { tf } from './tf.js';

/** What this file uses of a WebGPU entry point (`navigator.gpu`). */
interface GpuEntry {
  requestAdapter(options?: { powerPreference?: 'high-performance' }): Promise<{ readonly info?: { readonly vendor?: string; readonly architecture?: string } } | null>;
}

/** What the Node package `webgpu` (Dawn) exports that is used here. */
interface DawnModule {
  create(flags: string[]): GpuEntry;
  globals: object;
}

/** Packages the `webgpu` backend needs: TF.js's backend, and in Node Dawn's binding (optional). */
export const WEBGPU_PACKAGES = { backend: '@tensorflow/tfjs-backend-webgpu', node: 'webgpu' } as const;

/** How long the adapter may take to answer before the backend counts as unavailable. */
const ADAPTER_TIMEOUT_MS = 15_000;

/** Whether the `webgpu` backend can run here, and if not, why. */
export type WebgpuProbe = { readonly available: true; readonly adapter: string } | { readonly available: false; readonly reason: string };

let probed: Promise<WebgpuProbe> | undefined;

async function entryPoint(): Promise<GpuEntry | string> {
  const existing = (globalThis as { navigator?: { gpu?: GpuEntry } }).navigator?.gpu;
  if (existing !== undefined) return existing;
  if (typeof process === 'undefined' || process.versions?.node === undefined) return 'this browser has no navigator.gpu (WebGPU): use a recent Chromium, or Firefox/Safari with WebGPU enabled';
  let dawn: DawnModule;
  try {
    // A variable: the package is optional, and a literal import of an absent one fails tsc.
    dawn = (await import(/* @vite-ignore */ WEBGPU_PACKAGES.node)) as DawnModule;
  } catch (error) {
    return `the optional package '${WEBGPU_PACKAGES.node}' (Dawn's Node binding) does not load (${(error as Error)?.message ?? error}); install it (npm install webgpu@0.6.2)`;
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  // tfjs-backend-webgpu finds the GPU where a browser has it.
  Object.defineProperty(globalThis, 'navigator', { value: { ...(globalThis as { navigator?: object }).navigator, gpu }, configurable: true, writable: true });
  return gpu;
}

async function probe(): Promise<WebgpuProbe> {
  const gpu = await entryPoint();
  if (typeof gpu === 'string') return { available: false, reason: gpu };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ADAPTER_TIMEOUT_MS)));
  const adapter = await Promise.race([gpu.requestAdapter({ powerPreference: 'high-performance' }), timeout]).finally(() => clearTimeout(timer));
  if (adapter === 'timeout') return { available: false, reason: `the WebGPU adapter request did not answer within ${ADAPTER_TIMEOUT_MS / 1000} s` };
  if (adapter === null) return { available: false, reason: 'WebGPU finds no adapter here (Node: Dawn needs a Vulkan, Metal or D3D12 driver; a browser: WebGPU may be disabled)' };
  if (tf.findBackendFactory('webgpu') === null) {
    // The backend registers itself at import only where `window` (or a worker scope) has a GPU.
    const scope = globalThis as { window?: unknown };
    const hadWindow = 'window' in scope;
    if (!hadWindow) scope.window = globalThis;
    try {
      // A literal (a dependency, unlike Dawn): bundlers must include it for the browser.
      await import('@tensorflow/tfjs-backend-webgpu');
    } finally {
      if (!hadWindow) delete scope.window;
    }
    if (tf.findBackendFactory('webgpu') === null) return { available: false, reason: `${WEBGPU_PACKAGES.backend} did not register the 'webgpu' backend` };
  }
  return { available: true, adapter: `${adapter.info?.vendor ?? ''}/${adapter.info?.architecture ?? ''}` };
}

/**
 * Whether TF.js's `webgpu` backend can run here (once per process): in a browser through
 * `navigator.gpu`, in Node through the optional package `webgpu` (Dawn), which it loads and
 * exposes as `navigator.gpu`. With an adapter it registers `@tensorflow/tfjs-backend-webgpu`;
 * without one it says why. Never hangs: the adapter has 15 s to answer.
 */
export function probeWebgpu(): Promise<WebgpuProbe> {
  probed ??= probe();
  return probed;
}
