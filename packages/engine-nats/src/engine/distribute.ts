import { AckPolicy, type JsMsg, jetstream } from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/transport-node';
import { Reassembler } from '../chunks/index.js';
import { type EngineOptions, RESULT_STREAM, WORK_STREAM, ensureEngineStreams, workSubject } from './engine-streams.js';
import { publishPatiently } from './publish-patiently.js';
import { HEADERS, type WorkItem, checkRunId } from './work-item.js';

/** A result as the coordinator hands it on: the item's key and the bytes its worker produced. */
export interface KeyedResult {
  readonly key: number;
  readonly payload: Uint8Array;
}

/** What the coordinator saw, for progress lines and tests. */
export interface DistributeStats {
  /** Items published so far. */
  published: number;
  /** Times a publish waited because the work stream was full. */
  publishWaits: number;
  /** Result chunks received (duplicates included). */
  chunks: number;
  /** Result chunks dropped because they had arrived before. */
  duplicates: number;
}

/** What `distribute` takes. */
export interface DistributeOptions extends EngineOptions {
  /** Names the run's subjects and message ids; unique per run (letters, digits, `-`, `_`). */
  readonly runId: string;
  /** Stops waiting: the iteration ends early and the run's consumer is removed. */
  readonly signal?: AbortSignal;
  /** Filled in as the run goes. */
  readonly stats?: DistributeStats;
}

/** A worker failed an item: its message, with the item's key. */
export class WorkFailedError extends Error {
  constructor(
    message: string,
    readonly key: number,
  ) {
    super(message);
    this.name = 'WorkFailedError';
  }
}

/** A fresh stats record. */
export const distributeStats = (): DistributeStats => ({ published: 0, publishWaits: 0, chunks: 0, duplicates: 0 });

/**
 * The coordinator's side: publishes `bodies` as work items `0 .. n - 1` of run `runId` on the
 * work-queue stream (waiting while it is full), reads the results from the run's own durable pull
 * consumer on the results stream (acking each chunk once it is held), puts each result back
 * together (`Reassembler`: duplicates dropped, SHA-256 checked), and yields the results in key
 * order, whatever order they finish in: key k leaves once keys 0 .. k - 1 have. Results that
 * finish early wait in memory. A worker's failure (`Sf-Error`) throws `WorkFailedError`. When it
 * ends (done, aborted, failed or left by the caller) the run's remaining work items and results
 * are purged from the streams and its consumer removed.
 *
 * @example
 * for await (const { key, payload } of distribute(nc, shards.map(describe), { runId })) write(payload);
 */
export async function* distribute<Body>(nc: NatsConnection, bodies: readonly Body[], options: DistributeOptions): AsyncGenerator<KeyedResult> {
  const runId = checkRunId(options.runId);
  const stats = options.stats ?? distributeStats();
  const jsm = await ensureEngineStreams(nc, options);
  const js = jetstream(nc);
  const durable = `sf-res-${runId}`;
  await jsm.consumers.add(RESULT_STREAM, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: nanos(60_000), filter_subject: `sf.res.${runId}.>` });
  const abort = new AbortController();
  const stop = () => abort.abort();
  options.signal?.addEventListener('abort', stop);
  let publishError: unknown;
  const publishing = (async () => {
    for (let key = 0; key < bodies.length && !abort.signal.aborted; key++) {
      const item: WorkItem<Body> = { runId, key, body: bodies[key] };
      await publishPatiently(js, workSubject(runId), new TextEncoder().encode(JSON.stringify(item)), { msgID: `${runId}.work.${key}` }, abort.signal, () => stats.publishWaits++);
      stats.published++;
    }
  })().catch((error: unknown) => {
    publishError = error;
    abort.abort();
  });
  const consumer = await js.consumers.get(RESULT_STREAM, durable);
  const messages = await consumer.consume({ max_messages: 256 });
  const stopMessages = () => messages.stop();
  abort.signal.addEventListener('abort', stopMessages);
  if (abort.signal.aborted) stopMessages();
  const reassembler = new Reassembler();
  const finished = new Map<number, Uint8Array>();
  let next = 0;
  try {
    if (bodies.length > 0) {
      for await (const msg of messages) {
        if (publishError !== undefined) throw publishError;
        stats.chunks++;
        const result = receive(msg, reassembler);
        msg.ack();
        stats.duplicates = reassembler.duplicates;
        if (result !== undefined) finished.set(result.key, result.payload);
        while (finished.has(next)) {
          const payload = finished.get(next) as Uint8Array;
          finished.delete(next);
          yield { key: next++, payload };
        }
        if (next === bodies.length) break;
      }
    }
    if (publishError !== undefined) throw publishError;
  } finally {
    abort.abort();
    messages.stop();
    options.signal?.removeEventListener('abort', stop);
    await publishing;
    // An interrupted or failed run leaves no work for the workers and no results behind; a
    // finished one has none left anyway. Late copies of a stalled worker expire with the results stream's max_age.
    await jsm.streams.purge(WORK_STREAM, { filter: workSubject(runId) }).catch(() => undefined);
    await jsm.consumers.delete(RESULT_STREAM, durable).catch(() => false);
    await jsm.streams.purge(RESULT_STREAM, { filter: `sf.res.${runId}.>` }).catch(() => undefined);
  }
}

/** One result chunk: added to the reassembler; a worker's error thrown. */
function receive(msg: JsMsg, reassembler: Reassembler): KeyedResult | undefined {
  const [, , , keyToken] = msg.subject.split('.');
  const key = Number(keyToken);
  const error = msg.headers?.get(HEADERS.error);
  if (error !== undefined && error !== '') throw new WorkFailedError(`work item ${key} failed: ${error}`, key);
  const payload = reassembler.add({
    key,
    index: Number(msg.headers?.get(HEADERS.chunk)),
    count: Number(msg.headers?.get(HEADERS.chunks)),
    digest: msg.headers?.get(HEADERS.digest) ?? '',
    data: msg.data,
  });
  return payload === undefined ? undefined : { key, payload };
}
