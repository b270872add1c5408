// Starts a score-net worker from the TypeScript sources (vitest, tsx): registers tsx's ESM hooks
// in this thread, then imports the entry named in workerData.entry. On Node 20 a worker does not
// take `--import tsx` from execArgv (its entry still fails with ERR_UNKNOWN_FILE_EXTENSION), but
// the hooks registered here apply to everything imported after. Bundles start their bundled
// worker entry directly and never load this file. The workspace's packages resolve to their
// sources through the `development` export condition, which a worker started by vitest does not
// have (`--conditions=development` is not in its execArgv): a resolve hook adds it.
import { register as registerHooks } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

registerHooks('data:text/javascript,export const resolve = (specifier, context, next) => next(specifier, { ...context, conditions: [...context.conditions, "development"] });');
register();
await import(workerData.entry);
