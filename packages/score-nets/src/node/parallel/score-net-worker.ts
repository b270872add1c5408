/**
 * The entry of a score-net worker thread (`node:worker_threads`): answers each
 * `RequestEnvelope` from the main thread with a `ReplyEnvelope`, through a `createReplica`.
 * Replies transfer their buffers. Errors are sent back (name, message, stack), never thrown.
 */
import { parentPort } from 'node:worker_threads';
import { type RequestEnvelope, type ReplyEnvelope, buffersOf } from './protocol.js';
import { createReplica } from './replica.js';

const port = parentPort;
if (port === null) throw new Error('score-net-worker: this module is a worker thread entry; start it with new Worker().');
const replica = createReplica();
// One request at a time, in arrival order: a replica's weights must not change under a running request.
let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, request }: RequestEnvelope) => {
  queue = queue.then(async () => {
    let envelope: ReplyEnvelope;
    try {
      envelope = { id, ok: true, reply: await replica.handle(request) };
    } catch (error) {
      const { name = 'Error', message = String(error), stack } = error instanceof Error ? error : {};
      envelope = { id, ok: false, name, message, ...(stack !== undefined && { stack }) };
    }
    port.postMessage(envelope, envelope.ok ? buffersOf(envelope.reply) : []);
  });
});
