import { fork } from 'node:child_process';
import type { FlowMethod, FlowProtocol } from './flow-method.js';
import { type SeedOutcome, flowsSeed } from './flows-seed.js';

/**
 * Seeds 0 .. count - 1 of the protocol (`flowsSeed`), in order of seed: in this process when
 * `jobs` is 1, else in up to `jobs` child processes at once (`flows-seed-job.ts`, one seed each:
 * the seeds are independent and keyed, so the numbers are those of one process; each child is
 * single-threaded, one per core).
 */
export async function flowsSeeds(count: number, methods: readonly FlowMethod[], protocol: FlowProtocol, jobs: number): Promise<SeedOutcome[]> {
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new RangeError(`FLOWS_JOBS must be an integer >= 1, got ${jobs}.`);
  const seeds = Array.from({ length: count }, (_, seed) => seed);
  if (jobs === 1) {
    const outcomes: SeedOutcome[] = [];
    for (const seed of seeds) outcomes.push(await flowsSeed(seed, methods, protocol));
    return outcomes;
  }
  const outcomes: SeedOutcome[] = new Array(count);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const seed = next++;
      outcomes[seed] = await inChild(seed, methods, protocol);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, count) }, lane));
  return outcomes;
}

/** One seed in a child process, TypeScript through tsx's loader and the workspace's development sources. */
function inChild(seed: number, methods: readonly FlowMethod[], protocol: FlowProtocol): Promise<SeedOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./flows-seed-job.ts', import.meta.url), { execArgv: ['--import', 'tsx', '--conditions=development'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { outcome?: SeedOutcome; error?: string }) => {
      settled = true;
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(`flows: seed ${seed} failed in its child process: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`flows: the child process of seed ${seed} exited with code ${code} before its result.`));
    });
    child.send({ seed, methods, protocol });
  });
}
