import { Observable, concatMap, from } from 'rxjs';
import type { ConfigOverrides } from '../../config/overrides.js';
import type { RunPlan } from '../../pipeline/build-run.js';
import type { RunEvent } from '../../pipeline/run-events.js';
import { runShards } from '../run-shards.js';
import { decodeShardEvents } from '../shard-events.js';
import { type ShardWork, portableOverrides } from '../shard-work.js';
import { startShardThreads } from './shard-threads.js';

/** How `scoreflow run --threads` spreads a run: worker threads, and the shard size. */
export interface ThreadRunOptions {
  /** Worker threads (>= 1); the main thread writes the output meanwhile. */
  readonly threads: number;
  /** Particles per shard, a multiple of the batch size (default: one batch, the config's `batchSize`). */
  readonly shardSize?: number;
}

/**
 * A run's events computed on `threads` worker threads of this process: the run's particles cut
 * into the virtual shards of `--engine` (`runShards`: fixed by particles, batch size and shard size,
 * never by the thread count), each shard run by a thread as a `scoreflow worker` runs it
 * (`runShard`: the whole plan built from the config, the shard's batches through every stage), its
 * events sent back encoded (`encodeShardEvents`, the buffer transferred, not copied) and decoded
 * here in shard order. Shard i goes to thread i mod threads, which runs its shards in order; a shard
 * is sent when the one 2 threads places before it has been emitted, so a thread always has the
 * next shard queued and at most 2 threads results wait in memory. The stream equals the in-process
 * one, so the output files are byte-identical. An abort of the run (Ctrl-C) terminates the threads
 * and ends the stream with the shards emitted so far: the run is `interrupted`, its files readable.
 */
export function threadEvents(configFile: string, overrides: ConfigOverrides, options: ThreadRunOptions): (plan: RunPlan) => Observable<RunEvent> {
  return (plan) => {
    const shards = runShards(plan, options.shardSize, '--threads');
    const portable = portableOverrides(configFile, overrides);
    const bodies: ShardWork[] = shards.map((shard) => ({ ...portable, first: shard.first, count: shard.count }));
    const size = Math.min(options.threads, bodies.length);
    plan.ctx.logger.info(`running ${bodies.length} shard${bodies.length === 1 ? '' : 's'} of up to ${shards[0]?.count ?? 0} particles on ${size} worker thread${size === 1 ? '' : 's'}`);
    return new Observable<Uint8Array>((subscriber) => {
      const threads = startShardThreads(size);
      // Shards in flight: two per thread (shard i on thread i mod size; a thread runs its queue in
      // order, so it never waits for the main thread), the window moving as results are emitted in
      // order, so that at most 2 size results wait in memory.
      const inFlight = new Map<number, Promise<Uint8Array>>();
      let next = 0;
      const launch = () => {
        for (; next < bodies.length && inFlight.size < 2 * size; next++) {
          const running = threads.run(next % size, bodies[next] as ShardWork);
          running.catch(() => undefined);
          inFlight.set(next, running);
        }
      };
      const stop = () => void threads.terminate();
      plan.ctx.signal.addEventListener('abort', stop);
      void (async () => {
        launch();
        for (let index = 0; index < bodies.length; index++) {
          const payload = await (inFlight.get(index) as Promise<Uint8Array>);
          inFlight.delete(index);
          if (subscriber.closed || plan.ctx.signal.aborted) return;
          launch();
          subscriber.next(payload);
        }
      })().then(
        () => subscriber.complete(),
        // An interrupted run ends with the shards emitted so far (its threads were terminated), as an in-process one does.
        (error: unknown) => (plan.ctx.signal.aborted ? subscriber.complete() : subscriber.error(error)),
      );
      return () => {
        plan.ctx.signal.removeEventListener('abort', stop);
        stop();
      };
    }).pipe(concatMap((payload) => from(decodeShardEvents(payload))));
  };
}
