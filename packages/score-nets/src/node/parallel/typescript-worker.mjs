// Starts a score-net worker from the TypeScript sources (vitest, tsx): registers tsx's ESM hooks
// in this thread, then imports the entry named in workerData.entry. On Node 20 a worker does not
// take `--import tsx` from execArgv (its entry still fails with ERR_UNKNOWN_FILE_EXTENSION), but
// the hooks registered here apply to everything imported after. Bundles start their bundled
// worker entry directly and never load this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
