// A worker thread of `scoreflow run --threads`: runs the shards it is sent (`runShard`, as a
// `scoreflow worker` process does over NATS) and posts each one's encoded events back.
import { parentPort } from 'node:worker_threads';
import { enableRelaxedSimd } from '@scoreflow/score-nets/node';
import { runShard } from '../run-shard.js';
import type { ShardThreadReply, ShardThreadRequest } from './shard-thread-protocol.js';

const port = parentPort;
if (port === null) throw new Error('shard-thread: this module is a worker thread entry; start it with new Worker().');
enableRelaxedSimd();
const handle = runShard();
port.on('message', (request: ShardThreadRequest) => {
  handle({ runId: 'threads', key: request.id, body: request.work }, { working: () => undefined, deliveries: 1 }).then(
    (payload) => port.postMessage({ id: request.id, ok: true, payload } satisfies ShardThreadReply, [payload.buffer as ArrayBuffer]),
    (error: unknown) => {
      const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
      port.postMessage({ id: request.id, ok: false, message, ...(stack === undefined ? {} : { stack }) } satisfies ShardThreadReply);
    },
  );
});
