import { NoGpuAdapterError } from '../device/no-gpu-adapter-error.js';

/** What `webgpu` (Dawn's Node binding) exports that we use. */
interface DawnModule {
  create(flags: string[]): GPU;
  globals: object;
}

/** The optional dependency; a variable, so that TypeScript and bundlers leave the import to run time. */
const DAWN_PACKAGE = 'webgpu';

/**
 * Node's WebGPU entry point, from the optional package `webgpu` (Dawn): loads it at run time, puts
 * its globals (`GPUBufferUsage`, `GPUMapMode`, ...) on `globalThis` as a browser has them, and
 * creates a Dawn instance. Nothing here keeps it: Dawn keeps Node running while an instance is
 * referenced with work or a device alive (dawn.node's lifetime note), so the caller destroys its
 * device and drops the context when done. Rejects with `NoGpuAdapterError` when the package is not
 * installed or its native module does not load.
 *
 * @example
 * const context = await acquireGpu({ gpu: await nodeGpu() });
 */
export async function nodeGpu(): Promise<GPU> {
  const dawn = await loadDawn();
  Object.assign(globalThis, dawn.globals);
  return dawn.create([]);
}

/** `webgpu`'s module, through `importDawn` (tests give another), or a `NoGpuAdapterError` saying why not. Not exported by the entry. */
export async function loadDawn(importDawn: () => Promise<unknown> = () => import(/* @vite-ignore */ DAWN_PACKAGE)): Promise<DawnModule> {
  try {
    return (await importDawn()) as DawnModule;
  } catch (error) {
    const missing = (error as { code?: string })?.code === 'ERR_MODULE_NOT_FOUND';
    const reason = missing
      ? 'the optional package `webgpu` is not installed'
      : `the package \`webgpu\` did not load: ${(error as Error)?.message ?? error}`;
    throw new NoGpuAdapterError(reason, 'node', { cause: error });
  }
}
