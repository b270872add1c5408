import { AckPolicy, DiscardPolicy, type JetStreamManager, RetentionPolicy, StorageType, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/transport-node';
import { checkReplicas } from './replicas.js';

/** The work-queue stream of work items (`sf.work.<runId>`). */
export const WORK_STREAM = 'SF_WORK';
/** The work-queue stream of results (`sf.res.<runId>.<key>.<chunk>`). */
export const RESULT_STREAM = 'SF_RES';
/** The durable pull consumer every worker pulls from. */
export const WORKER_CONSUMER = 'sf-workers';

/** How the engine's streams and the workers' consumer are set up. */
export interface EngineOptions {
  /** A work item nobody acked within this many ms goes to another worker (default 30 s; workers call `working()` every third of it). */
  readonly ackWaitMs?: number;
  /** Deliveries of one item before the server gives up on it (default 5). */
  readonly maxDeliver?: number;
  /** Work items the stream holds at most; a coordinator with more waits until workers take some (default 10,000). */
  readonly workMaxMsgs?: number;
  /** Result bytes the stream holds at most; workers wait while it is full (default 1 GiB). */
  readonly resultMaxBytes?: number;
  /** JetStream storage: `file` (survives a server restart; default) or `memory`. */
  readonly storage?: 'file' | 'memory';
  /**
   * Copies a JetStream cluster keeps of each stream (`num_replicas`, 1 to 5; see
   * `checkReplicas`). Streams are created with 1 when it is absent, and an existing stream keeps
   * its count unless it is given (the server then changes it).
   */
  readonly replicas?: number;
}

/** The options with their defaults filled in. */
export function engineDefaults(options: EngineOptions = {}): Required<Omit<EngineOptions, 'replicas'>> & Pick<EngineOptions, 'replicas'> {
  return { ackWaitMs: 30_000, maxDeliver: 5, workMaxMsgs: 10_000, resultMaxBytes: 1 << 30, storage: 'file', ...options };
}

/** The subject of a run's work items. */
export const workSubject = (runId: string) => `sf.work.${runId}`;
/** The subject of one chunk of a result. */
export const resultSubject = (runId: string, key: number, chunk: number) => `sf.res.${runId}.${key}.${chunk}`;

/**
 * Creates (or updates) the two work-queue streams and the workers' durable pull consumer
 * (explicit ack, `ack_wait`, `max_deliver`, `max_ack_pending` unbounded since each worker pulls
 * one item at a time). Both streams discard new messages when full, so that publishers get an
 * error and wait (`publishPatiently`) instead of losing old ones. `replicas` copies of each stream
 * on a JetStream cluster. Only options of nats-server 2.9.
 */
export async function ensureEngineStreams(nc: NatsConnection, options: EngineOptions = {}): Promise<JetStreamManager> {
  const { ackWaitMs, maxDeliver, workMaxMsgs, resultMaxBytes, storage, replicas } = engineDefaults(options);
  if (replicas !== undefined) checkReplicas(replicas);
  const jsm = await jetstreamManager(nc);
  const storageType = storage === 'memory' ? StorageType.Memory : StorageType.File;
  const streams = [
    { name: WORK_STREAM, subjects: ['sf.work.>'], max_msgs: workMaxMsgs, max_bytes: -1, max_age: 0 },
    // Results nobody reads (a stalled worker's late copy, after its run ended) expire after a day.
    { name: RESULT_STREAM, subjects: ['sf.res.>'], max_msgs: -1, max_bytes: resultMaxBytes, max_age: nanos(24 * 3600_000) },
  ];
  for (const stream of streams) {
    const config = { ...stream, retention: RetentionPolicy.Workqueue, discard: DiscardPolicy.New, storage: storageType, duplicate_window: nanos(120_000) };
    let exists = true;
    try {
      await jsm.streams.info(stream.name);
    } catch (error) {
      if (!/stream not found/i.test((error as Error).message)) throw error;
      exists = false;
    }
    if (exists) {
      const { storage: _storage, retention: _retention, ...changeable } = config;
      await jsm.streams.update(stream.name, { ...changeable, ...(replicas !== undefined && { num_replicas: replicas }) });
    } else await jsm.streams.add({ ...config, num_replicas: replicas ?? 1 });
  }
  const consumer = { durable_name: WORKER_CONSUMER, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs), max_deliver: maxDeliver, filter_subject: 'sf.work.>' };
  try {
    await jsm.consumers.info(WORK_STREAM, WORKER_CONSUMER);
    await jsm.consumers.update(WORK_STREAM, WORKER_CONSUMER, { ack_wait: consumer.ack_wait, max_deliver: maxDeliver });
  } catch (error) {
    if (!/consumer not found/i.test((error as Error).message)) throw error;
    await jsm.consumers.add(WORK_STREAM, consumer);
  }
  return jsm;
}
