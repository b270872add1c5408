import { NoGpuAdapterError } from '../device/no-gpu-adapter-error.js';

/** What `webgpu` (Dawn's Node binding) exports that we use. */
interface DawnModule {
  create(flags: string[]): GPU;
  globals: object;
}

/** The optional dependency; a variable, so that TypeScript and bundlers leave the import to run time. */
const DAWN_PACKAGE = 'webgpu';

let loaded: Promise<GPU> | undefined;

/**
 * Node's WebGPU entry point, from the optional package `webgpu` (Dawn): loads it at run time,
 * puts its globals (`GPUBufferUsage`, `GPUMapMode`, ...) on `globalThis` as a browser has them,
 * and creates one Dawn instance per process (later calls share it). Rejects with
 * `NoGpuAdapterError` when the package is not installed or its native module does not load.
 *
 * @example
 * const context = await acquireGpu({ gpu: await nodeGpu() });
 */
export function nodeGpu(): Promise<GPU> {
  loaded ??= loadDawn().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function loadDawn(): Promise<GPU> {
  let dawn: DawnModule;
  try {
    dawn = (await import(/* @vite-ignore */ DAWN_PACKAGE)) as DawnModule;
  } catch (error) {
    const missing = (error as { code?: string })?.code === 'ERR_MODULE_NOT_FOUND';
    const reason = missing
      ? 'the optional package `webgpu` is not installed'
      : `the package \`webgpu\` did not load: ${(error as Error)?.message ?? error}`;
    throw new NoGpuAdapterError(reason, 'node', { cause: error });
  }
  Object.assign(globalThis, dawn.globals);
  return dawn.create([]);
}
