import type { WorkHandler } from '@scoreflow/engine-nats';
import { runShard } from './run-shard.js';
import { type SweepPoint, encodeSweepResult, runSweepPoint } from './sweep/index.js';

/**
 * What `scoreflow worker` does with an item: a sweep point (`kind: 'sweep'`) is run whole and
 * gives its metrics as JSON (`runSweepPoint`); anything else is a shard of a run (`runShard`).
 */
export function scoreflowWork(signal?: AbortSignal): WorkHandler {
  const shard = runShard(signal);
  return async (item, progress) => {
    if ((item.body as { kind?: string }).kind === 'sweep') return encodeSweepResult(await runSweepPoint(item.body as SweepPoint, signal));
    return shard(item, progress);
  };
}
