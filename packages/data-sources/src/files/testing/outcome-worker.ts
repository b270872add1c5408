import { parentPort, workerData } from 'node:worker_threads';
import { type FileCase, createFileSource } from './file-case.js';
import { readOutcome } from './read-outcome.js';

/**
 * Worker thread of `readInWorker`: reads the cases of `workerData` in order and posts
 * `{ index, outcome }` after each, so that the main thread can time every case, even one that
 * would block this thread for ever (test helper).
 */
const { cases, first } = workerData as { readonly cases: readonly FileCase[]; readonly first: number };
for (let index = first; index < cases.length; index++) {
  const outcome = await readOutcome(() => createFileSource(cases[index]));
  parentPort?.postMessage({ index, outcome });
}
