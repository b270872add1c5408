import { type Logger, checkFinite } from '@scoreflow/core';
import type { WorkHandler } from '@scoreflow/engine-nats';
import { lastValueFrom, tap, toArray } from 'rxjs';
import { prepareRun } from '../pipeline/prepare-run.js';
import { runStages } from '../pipeline/run-stages.js';
import { scoreflowRegistry } from '../registry.js';
import { encodeShardEvents } from './shard-events.js';
import { shardBatches } from './shard-batches.js';
import type { ShardWork } from './shard-work.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * Runs one shard of a run, as a worker does (`scoreflow worker`): builds the run's plan from the
 * config the coordinator names (every plugin created and checked, as `scoreflow run` does), takes
 * the source's batches of the shard's ids (`shardBatches`), checks them for non-finite positions,
 * runs them through the stages (`runStages`, the in-process path) and returns every event in
 * order (`encodeShardEvents`). The keyed RNG makes the shard's particles the ones a single
 * process computes for those ids. `working()` is called at each event, besides the worker's timer.
 */
export function runShard(signal?: AbortSignal): WorkHandler {
  return async (item, progress) => {
    const work = item.body as ShardWork;
    const { plan } = prepareRun(work.config, work.overrides, scoreflowRegistry(), { logger: quiet, signal });
    if (work.first + work.count > plan.config.particles) throw new Error(`shard ${work.first}..${work.first + work.count - 1} is past the run's ${plan.config.particles} particles`);
    const events = await lastValueFrom(
      plan.source.sample(plan.ctx).pipe(
        shardBatches(work.first, work.count),
        checkFinite(plan.source.name),
        runStages(plan.stages.map((stage) => stage.stage)),
        tap(() => progress.working()),
        toArray(),
      ),
    );
    return encodeShardEvents(events);
  };
}
