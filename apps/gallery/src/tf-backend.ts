import { type BackendName, selectBackend } from '@scoreflow/score-nets';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** Backends a gallery story trains on: `tensorflow` (tfjs-node) does not run in a browser. */
export type BrowserBackend = Exclude<BackendName, 'tensorflow'>;
export const BROWSER_BACKENDS: readonly BrowserBackend[] = ['cpu', 'wasm'];

let wasmPathsSet = false;

/**
 * Selects a TF.js backend in the browser. For `wasm`, first points TF.js at the three .wasm
 * binaries, which vite emits as assets (the `?url` imports): TF.js picks plain, SIMD or threaded
 * SIMD by what the page supports (threads need a cross-origin-isolated page, so the gallery gets SIMD).
 */
export async function selectBrowserBackend(name: BrowserBackend): Promise<BrowserBackend> {
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': simdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl });
    wasmPathsSet = true;
  }
  return (await selectBackend(name)) as BrowserBackend;
}
