import type { RevisionStore, WorkHandler } from '@scoreflow/engine-nats';
import { runShard } from './run-shard.js';
import { type GradientWork, gradientWorker } from './training/index.js';
import { type SweepPoint, encodeSweepResult, runSweepPoint } from './sweep/index.js';

/**
 * What `scoreflow worker` does with an item: a sweep point (`kind: 'sweep'`) is run whole and
 * gives its metrics as JSON (`runSweepPoint`); a training step's shard (`kind: 'gradients'`) gives
 * its loss and gradients (`gradientWorker`, the weights read from `revisions`); anything else is a shard of a run (`runShard`).
 */
export function scoreflowWork(revisions: RevisionStore, signal?: AbortSignal): WorkHandler {
  const shard = runShard(signal);
  const gradients = gradientWorker(revisions);
  return async (item, progress) => {
    if ((item.body as { kind?: string }).kind === 'gradients') return gradients(item.body as GradientWork);
    if ((item.body as { kind?: string }).kind === 'sweep') return encodeSweepResult(await runSweepPoint(item.body as SweepPoint, signal));
    return shard(item, progress);
  };
}
