/** File name of the bundled worker entry, beside the bundle that starts it (see `workerEntry`). */
export const BUNDLED_WORKER_FILE = 'score-net-worker.mjs';

/** How to start a score-net worker: the file, and the workerData it needs. */
export interface WorkerEntry {
  readonly url: URL;
  readonly workerData: Record<string, unknown>;
}

/**
 * Where the worker entry is, for the three ways this code runs:
 * - from the TypeScript sources (vitest, `tsx`, `npm run scoreflow:dev`): `moduleUrl` ends in
 *   `.ts`; the worker starts from `typescript-worker.mjs`, which registers tsx and imports
 *   `score-net-worker.ts`;
 * - from an esbuild bundle: `moduleUrl` is the bundle's URL; the worker is the bundle's second
 *   entry point, `score-net-worker.mjs` in the same folder (apps/runner's `build` script makes
 *   both, with TensorFlow.js left external: it loads from node_modules with its .wasm files);
 * - from the package's compiled `dist/` (an installed `@scoreflow/score-nets`): `moduleUrl` is
 *   this module, `worker-entry.js`; the worker is `score-net-worker.js` beside it.
 */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const path = new URL(moduleUrl).pathname;
  if (path.endsWith('.ts')) {
    return { url: new URL('./typescript-worker.mjs', moduleUrl), workerData: { entry: new URL('./score-net-worker.ts', moduleUrl).href } };
  }
  if (path.endsWith('/worker-entry.js')) return { url: new URL('./score-net-worker.js', moduleUrl), workerData: {} };
  return { url: new URL(`./${BUNDLED_WORKER_FILE}`, moduleUrl), workerData: {} };
}

/**
 * How to start a worker thread from the TypeScript sources (vitest, `tsx`): through
 * `typescript-worker.mjs`, which registers tsx and the `development` condition in the thread, then
 * imports `entry` (a `.ts` file). For another package's worker entry, as score-nets' own.
 */
export function typescriptWorkerEntry(entry: URL): WorkerEntry {
  return { url: new URL('./typescript-worker.mjs', import.meta.url), workerData: { entry: entry.href } };
}
