import { Worker } from 'node:worker_threads';
import type { FileCase } from './file-case.js';
import type { ReadOutcome } from './read-outcome.js';

/** How a case ended in `readInWorker`: as `readOutcome` says, or not within the time allowed. */
export type TimedOutcome =
  | ReadOutcome
  | { readonly kind: 'timeout'; readonly seconds: number }
  /** The worker died of an error that escaped the source (an uncaught exception or rejection). */
  | { readonly kind: 'crashed'; readonly name: string; readonly message: string };

/**
 * Starts `outcome-worker.ts` in a worker thread. On Node 20 a worker takes no `--import tsx`, so
 * the boot code registers tsx's hooks, and a resolve hook adds the `development` condition that
 * resolves the workspace's packages to their sources (as score-nets' TypeScript worker does).
 */
function startWorker(cases: readonly FileCase[], first: number): Worker {
  const entry = new URL('./outcome-worker.ts', import.meta.url).href;
  const development =
    'data:text/javascript,export const resolve = (specifier, context, next) => next(specifier, { ...context, conditions: [...context.conditions, "development"] });';
  const boot = [
    `import { register as registerHooks } from 'node:module';`,
    `import { register } from 'tsx/esm/api';`,
    `registerHooks(${JSON.stringify(development)});`,
    'register();',
    `await import(${JSON.stringify(entry)});`,
  ].join('\n');
  return new Worker(boot, { eval: true, workerData: { cases, first } });
}

/**
 * Reads every case in a worker thread (`readOutcome`), giving each at most `seconds` from the
 * end of the one before (the first also gets `startSeconds` for the worker to start). A case
 * that takes longer, whether it waits for ever or loops without yielding, is recorded as a
 * `timeout`; the worker is then stopped and a fresh one goes on with the next case. So a hang
 * fails a test instead of stalling it. An error that escapes a case and kills the worker is
 * recorded as `crashed`, and a fresh worker goes on (test helper).
 */
export function readInWorker(cases: readonly FileCase[], seconds: number, startSeconds = 60): Promise<TimedOutcome[]> {
  const outcomes: TimedOutcome[] = [];
  return new Promise((resolve) => {
    const run = (first: number): void => {
      if (first >= cases.length) return resolve(outcomes);
      const worker = startWorker(cases, first);
      let timer: NodeJS.Timeout | undefined;
      const arm = (limit: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const index = outcomes.length;
          outcomes.push({ kind: 'timeout', seconds });
          void worker.terminate();
          run(index + 1);
        }, limit * 1000);
      };
      arm(startSeconds + seconds);
      worker.on('message', ({ index, outcome }: { index: number; outcome: ReadOutcome }) => {
        outcomes[index] = outcome;
        if (index === cases.length - 1) {
          clearTimeout(timer);
          void worker.terminate();
          resolve(outcomes);
        } else arm(seconds);
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        const index = outcomes.length;
        outcomes.push({ kind: 'crashed', name: error.name, message: error.message });
        void worker.terminate();
        run(index + 1);
      });
    };
    run(0);
  });
}
