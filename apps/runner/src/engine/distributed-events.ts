import { ConfigError } from '@scoreflow/core';
import { type DistributeStats, type EngineOptions, type Shard, connectEngine, distribute, planShards } from '@scoreflow/engine-nats';
import { randomUUID } from 'node:crypto';
import { Observable, concatMap, from } from 'rxjs';
import type { ConfigOverrides } from '../config/overrides.js';
import type { RunPlan } from '../pipeline/build-run.js';
import type { RunEvent } from '../pipeline/run-events.js';
import { decodeShardEvents } from './shard-events.js';
import { type ShardWork, portableOverrides } from './shard-work.js';

/**
 * Stage types that gather the whole population before they step (twisted SMC resamples across
 * every batch): their result depends on which particles are together, so they run in one shard.
 * Every other shipped stage treats each batch on its own.
 */
export const POPULATION_STAGES: ReadonlySet<string> = new Set(['twisted-smc']);

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
 * (`planShards`: fixed by particles, batch size and shard size, never by the number of workers),
 * one work item per shard on the engine, the workers' events (`runShard`) gathered back in shard
 * order and decoded. Shard k's events are the events a single process gives for its batches, and
 * the shards follow each other as the batches do, so the stream equals the in-process one and the
 * runner's writers, measures and figures downstream give byte-identical files.
 */
export function distributedEvents(configFile: string, overrides: ConfigOverrides, options: DistributedRunOptions): (plan: RunPlan) => Observable<RunEvent> {
  return (plan) => {
    const { particles, batchSize } = plan.config;
    let shards: Shard[];
    try {
      shards = planShards(particles, options.shardSize ?? batchSize, batchSize);
    } catch (error) {
      throw new ConfigError('Invalid --shard-size', [{ path: '--shard-size', message: (error as Error).message.replace(/^planShards: /, '') }]);
    }
    const coupled = plan.stages.find((stage) => POPULATION_STAGES.has(stage.type));
    if (coupled !== undefined && shards.length > 1) {
      throw new ConfigError('Invalid --engine run', [
        { path: `pipeline.${coupled.index}.type`, message: `'${coupled.type}' couples the whole population (it resamples across batches), so its shards would not give the in-process result: run it without --engine, or with --shard-size ${particles} or more (one shard)` },
      ]);
    }
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
