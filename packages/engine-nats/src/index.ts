/**
 * @scoreflow/engine-nats (Node only): scoreflow beyond one machine on NATS JetStream. Virtual
 * shards as work items on a work-queue stream, pulled by workers, results chunked under the
 * server's max_payload with digests and message ids, reassembled in key order.
 */
export { type Chunk, ChunkMismatchError, HEADER_ROOM, type KeyedChunk, Reassembler, sha256Hex, splitChunks } from './chunks/index.js';
export { type Shard, planShards } from './shards/index.js';
export { RevisionDigestError, type RevisionStore, WEIGHTS_BUCKET, revisionStore } from './weights/index.js';
export {
  type DistributeOptions,
  type DistributeStats,
  ENGINE_URL_FORM,
  type EngineOptions,
  HEADERS,
  type KeyedResult,
  RESULT_STREAM,
  type ServeWorkOptions,
  WORKER_CONSUMER,
  WORK_STREAM,
  type WorkEvent,
  WorkFailedError,
  type WorkHandler,
  type WorkItem,
  checkRunId,
  connectEngine,
  distribute,
  distributeStats,
  engineDefaults,
  ensureEngineStreams,
  parseEngineUrl,
  parseWorkItem,
  publishPatiently,
  resultSubject,
  serveWork,
  workSubject,
} from './engine/index.js';
