/**
 * @scoreflow/engine-nats (Node only): scoreflow beyond one machine on NATS JetStream. Virtual
 * shards as work items on a work-queue stream, pulled by workers, results chunked under the
 * server's max_payload with digests and message ids, reassembled in key order. Weights by
 * revision and training checkpoints by name and step in the object store, SHA-256 checked.
 */
export { type Chunk, ChunkMismatchError, HEADER_ROOM, type KeyedChunk, Reassembler, sha256Hex, splitChunks } from './chunks/index.js';
export { type Shard, planShards } from './shards/index.js';
export { type RevisionStore, WEIGHTS_BUCKET, revisionStore } from './weights/index.js';
export { type BucketOptions, ObjectDigestError, getVerified, openBucket, putVerified } from './objects/index.js';
export {
  CHECKPOINT_BUCKET,
  type CheckpointListing,
  type CheckpointManifest,
  CheckpointNotFoundError,
  type CheckpointStore,
  type StoredCheckpoint,
  checkCheckpointName,
  checkpointObjects,
  checkpointStore,
} from './checkpoints/index.js';
export {
  type DistributeOptions,
  type DistributeStats,
  ENGINE_URL_FORM,
  type EngineOptions,
  HEADERS,
  type KeyedResult,
  MAX_REPLICAS,
  RESULT_STREAM,
  type ServeWorkOptions,
  WORKER_CONSUMER,
  WORK_STREAM,
  type WorkEvent,
  WorkFailedError,
  type WorkHandler,
  type WorkItem,
  checkReplicas,
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
  TRANSIENT,
  retryTransient,
  serveWork,
  workSubject,
} from './engine/index.js';
