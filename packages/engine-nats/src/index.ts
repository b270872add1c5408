/**
 * @scoreflow/engine-nats (Node only): scoreflow beyond one machine on NATS JetStream. Virtual
 * shards as work items on a work-queue stream, pulled by workers, results chunked under the
 * server's max_payload with digests and message ids, reassembled in key order.
 */
export * from './chunks/index.js';
export * from './shards/index.js';
export * from './engine/index.js';
