import { type Consumer, type JetStreamClient, type JsMsg, jetstream } from '@nats-io/jetstream';
import { type NatsConnection, headers, millis } from '@nats-io/transport-node';
import { splitChunks } from '../chunks/index.js';
import { WORKER_CONSUMER, WORK_STREAM, resultSubject } from './engine-streams.js';
import { publishPatiently } from './publish-patiently.js';
import { HEADERS, type WorkItem, parseWorkItem } from './work-item.js';

/** What a worker does with one item: its result's bytes. `working()` restarts the item's ack timer. */
export type WorkHandler = (item: WorkItem, progress: { readonly working: () => void; readonly deliveries: number }) => Promise<Uint8Array>;

/** An item starting or ending in a worker; `duplicates`: result chunks the server had already stored (another worker's copy). */
export interface WorkEvent {
  readonly type: 'start' | 'done' | 'failed';
  readonly item: WorkItem;
  readonly deliveries: number;
  readonly duplicates?: number;
  readonly error?: string;
}

/** How `serveWork` behaves. */
export interface ServeWorkOptions {
  /** Stops pulling (the item in hand is finished first). */
  readonly signal?: AbortSignal;
  /** Stop after this many items (tests and benchmarks); unbounded by default. */
  readonly maxItems?: number;
  /** Call `working()` every third of `ack_wait` while an item runs (default true; false only to test a stalled worker). */
  readonly heartbeat?: boolean;
  /** Told when a pull fails (the worker pulls again 250 ms later: a server restarting, a reconnect). */
  readonly onPullError?: (error: Error) => void;
  /** Told about each item as it starts and ends. */
  readonly onItem?: (event: WorkEvent) => void;
}

/**
 * A worker's loop: pulls one work item at a time from the workers' durable consumer, runs
 * `handler`, publishes its result in chunks under the server's `max_payload` (each with the
 * message id `runId.key.chunk`, so the server drops a second copy within its duplicate window,
 * and with the chunk index, count and SHA-256 of the whole as headers), and acks the item last,
 * after the server has stored every chunk. A worker killed before its ack leaves the item
 * unacked: the server hands it to another worker after `ack_wait`. While an item runs the worker
 * calls `working()` every third of `ack_wait`, so a long shard is not taken for a dead one.
 * A handler that throws publishes the error (header `Sf-Error`) for the coordinator, and the item
 * is acked (running it again would fail again). A result that cannot be stored (the server gone
 * for over a minute) leaves the item unacked, for another delivery. A worker may start before any coordinator: it
 * waits until the workers' consumer exists. Returns how many items it handled.
 */
export async function serveWork(nc: NatsConnection, handler: WorkHandler, options: ServeWorkOptions = {}): Promise<number> {
  const js = jetstream(nc);
  const found = await workersConsumer(js, options.signal);
  if (found === undefined) return 0;
  const consumer: Consumer = found;
  const maxPayload = nc.info?.max_payload ?? 1 << 20;
  let ackWaitMs = 30_000;
  let handled = 0;
  while (options.signal?.aborted !== true && handled < (options.maxItems ?? Infinity)) {
    const msg = await consumer.next({ expires: 1000 }).catch(async (error: unknown) => {
      // A server restarting or a connection being re-established: pull again shortly.
      if (options.signal?.aborted === true || nc.isClosed()) return null;
      options.onPullError?.(error as Error);
      await new Promise((resolve) => setTimeout(resolve, 250));
      return null;
    });
    if (nc.isClosed()) break;
    if (msg === null) continue;
    await handle(msg);
    handled++;
  }
  return handled;

  async function handle(msg: JsMsg): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    let item: WorkItem;
    try {
      item = parseWorkItem(msg.string());
    } catch {
      msg.term();
      return;
    }
    options.onItem?.({ type: 'start', item, deliveries });
    // Read for each item: a coordinator may have changed ack_wait since the worker started.
    ackWaitMs = await consumer.info(false).then(
      (info) => millis(info.config.ack_wait ?? 30e9),
      () => ackWaitMs,
    );
    const timer = options.heartbeat === false ? undefined : setInterval(() => msg.working(), Math.max(100, ackWaitMs / 3));
    const working = () => options.heartbeat !== false && msg.working();
    try {
      let payload: Uint8Array;
      try {
        payload = await handler(item, { working, deliveries });
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        const h = headers();
        h.set(HEADERS.error, message.replace(/[\r\n]+/g, ' ').slice(0, 2000));
        await publishPatiently(js, resultSubject(item.runId, item.key, 0), new Uint8Array(0), { msgID: `${item.runId}.${item.key}.error`, headers: h }, options.signal);
        options.onItem?.({ type: 'failed', item, deliveries, error: message });
        await msg.ackAck().catch(() => false);
        return;
      }
      let duplicates = 0;
      for (const chunk of splitChunks(payload, maxPayload)) {
        const h = headers();
        h.set(HEADERS.chunk, String(chunk.index));
        h.set(HEADERS.chunks, String(chunk.count));
        h.set(HEADERS.digest, chunk.digest);
        if (await publishPatiently(js, resultSubject(item.runId, item.key, chunk.index), chunk.data, { msgID: `${item.runId}.${item.key}.${chunk.index}`, headers: h }, options.signal)) duplicates++;
      }
      options.onItem?.({ type: 'done', item, deliveries, duplicates });
    } catch (error) {
      // The result could not be stored: no ack, so the item comes back after ack_wait.
      options.onItem?.({ type: 'failed', item, deliveries, error: `result not published, left for redelivery: ${(error as Error).message}` });
      return;
    } finally {
      if (timer !== undefined) clearInterval(timer);
    }
    // A stalled worker whose item went to another one meanwhile: its ack finds nothing to ack, and its chunks were dropped as duplicates.
    await msg.ackAck().catch(() => false);
  }
}

/** The workers' consumer, once a coordinator has created it (polled every 250 ms); undefined if `signal` aborts first. */
async function workersConsumer(js: JetStreamClient, signal: AbortSignal | undefined): Promise<Consumer | undefined> {
  while (signal?.aborted !== true) {
    try {
      return await js.consumers.get(WORK_STREAM, WORKER_CONSUMER);
    } catch (error) {
      if (!/(consumer|stream) not found/i.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return undefined;
}
