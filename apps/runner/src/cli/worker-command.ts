import { connectEngine, revisionStore, serveWork } from '@scoreflow/engine-nats';
import { scoreflowWork } from '../engine/index.js';
import type { Io } from './commands.js';
import { engineOption, replicasOption } from './engine-option.js';

/** What `scoreflow worker` takes. */
export interface WorkerCommandOptions {
  /** `nats://HOST:PORT`. */
  readonly engine: string;
  /** The copies a JetStream cluster keeps of the weights bucket, when this worker is the first to create it (1 to 5). */
  readonly replicas?: number;
  /** Stop after this many shards (default: serve until Ctrl-C). */
  readonly maxItems?: number;
  readonly signal?: AbortSignal;
}

/**
 * `scoreflow worker --engine nats://HOST:PORT`: serves shards of the runs that coordinators
 * (`scoreflow run CONFIG --engine ...`) publish, one at a time, until Ctrl-C (the shard in hand is
 * finished first) or `--max-items`. A line per shard on stderr. Exit codes: 0 done, 2 a bad
 * `--engine`, 130 interrupted.
 */
export async function workerCommand(options: WorkerCommandOptions, io: Io): Promise<number> {
  const url = engineOption(options.engine);
  const replicas = replicasOption(options.replicas, url);
  const nc = await connectEngine(url, `scoreflow worker ${process.pid}`);
  io.err(`worker ${process.pid}: serving ${url}`);
  try {
    await serveWork(nc, scoreflowWork(await revisionStore(nc, replicas === undefined ? {} : { replicas }), options.signal), {
      signal: options.signal,
      maxItems: options.maxItems,
      onItem: (event) => {
        const body = event.item.body as { kind?: string; first: number; count: number; seed: number; set: string[] };
        const again = event.deliveries > 1 ? `, delivery ${event.deliveries}` : '';
        const what =
          body.kind === 'sweep'
            ? `sweep ${event.item.runId} point ${event.item.key} (seed ${body.seed}${body.set.length > 0 ? `, ${body.set.join(' ')}` : ''}${again})`
            : `run ${event.item.runId} shard ${event.item.key} (particles ${body.first}..${body.first + body.count - 1}${again})`;
        if (event.type === 'start') io.err(`worker ${process.pid}: ${what}`);
        else if (event.type === 'failed') io.err(`worker ${process.pid}: ${what} failed: ${event.error}`);
        else if (event.duplicates !== undefined && event.duplicates > 0) io.err(`worker ${process.pid}: ${what}: another worker had published it; the server dropped this copy`);
      },
    });
  } finally {
    await nc.close();
  }
  return options.signal?.aborted === true ? 130 : 0;
}
