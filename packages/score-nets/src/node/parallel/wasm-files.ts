import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** The folder of tfjs-backend-wasm's .wasm files, as installed in node_modules (with a trailing slash). */
export function installedWasmFolder(): string {
  return `${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/**
 * Points the wasm backend at the installed .wasm files (`setWasmPaths`; shared/STACK.md). From
 * the TypeScript sources the backend finds them beside its own module; from an esbuild bundle it
 * would look beside the bundle, so a bundled worker calls this before it selects `wasm`. Call
 * before the wasm backend initialises; idempotent.
 */
export function useInstalledWasmFiles(): void {
  setWasmPaths(installedWasmFolder());
}
