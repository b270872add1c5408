import { type DistributeStats, type EngineOptions, connectEngine, distribute } from '@scoreflow/engine-nats';
import { randomUUID } from 'node:crypto';
import { Observable, concatMap, from } from 'rxjs';
import type { ConfigOverrides } from '../config/overrides.js';
import type { RunPlan } from '../pipeline/build-run.js';
import type { RunEvent } from '../pipeline/run-events.js';
import { decodeShardEvents } from './shard-events.js';
import { type ShardWork, portableOverrides } from './shard-work.js';
import { runShards } from './run-shards.js';

/** Where and how a run is spread: the engine's address, the shard size, the engine's options. */
export interface DistributedRunOptions extends EngineOptions {
  /** `nats://HOST:PORT`. */
  readonly engine: string;
  /** Particles per virtual shard, a multiple of the batch size (default: one batch, the config's `batchSize`). */
  readonly shardSize?: number;
  /** Filled in as the run goes. */
  readonly stats?: DistributeStats;
}

/**
 * The coordinator's stream of a run's events: the run's particles cut into virtual shards
 * (`runShards`: fixed by particles, batch size and shard size, never by the number of workers),
 * one work item per shard on the engine, the workers' events (`runShard`) gathered back in shard
 * order and decoded. Shard k's events are the events a single process gives for its batches, and
 * the shards follow each other as the batches do, so the stream equals the in-process one and the
 * runner's writers, measures and figures downstream give byte-identical files.
 */
export function distributedEvents(configFile: string, overrides: ConfigOverrides, options: DistributedRunOptions): (plan: RunPlan) => Observable<RunEvent> {
  return (plan) => {
    const shards = runShards(plan, options.shardSize, '--engine');
    const portable = portableOverrides(configFile, overrides);
    const bodies: ShardWork[] = shards.map((shard) => ({ ...portable, first: shard.first, count: shard.count }));
    const runId = `${plan.config.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 24)}-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    plan.ctx.logger.info(`coordinating ${shards.length} shard${shards.length === 1 ? '' : 's'} of up to ${shards[0].count} particles over ${options.engine} (run ${runId}); workers: scoreflow worker --engine ${options.engine}`);
    return new Observable<Uint8Array>((subscriber) => {
      const abort = new AbortController();
      const stop = () => abort.abort();
      plan.ctx.signal.addEventListener('abort', stop);
      void (async () => {
        const nc = await connectEngine(options.engine, `scoreflow coordinator ${runId}`);
        try {
          for await (const { payload } of distribute(nc, bodies, { ...options, runId, signal: abort.signal })) {
            if (subscriber.closed) break;
            subscriber.next(payload);
          }
        } finally {
          await nc.close();
        }
      })().then(
        () => subscriber.complete(),
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        plan.ctx.signal.removeEventListener('abort', stop);
        abort.abort();
      };
    }).pipe(concatMap((payload) => from(decodeShardEvents(payload))));
  };
}
