/**
 * Data-parallel training and sampling with score networks over `node:worker_threads` (Node
 * only): the main thread and worker threads each take a shard of every batch.
 */
export { BUNDLED_WORKER_FILE, type WorkerEntry, typescriptWorkerEntry, workerEntry } from './worker-entry.js';
export { type ParallelOptions, autoWorkers, parallelSettings } from './parallel-options.js';
export { MAIN_THREAD_SHARE, type ParallelTrainerOptions, createParallelTrainer } from './parallel-trainer.js';
export { type ParallelNetworkScoreOptions, type ParallelScoreModel, parallelNetworkScore } from './parallel-network-score.js';
export { type ParallelWasmScoreOptions, parallelWasmScore } from './parallel-wasm-score.js';
export { type WorkerPool, startWorkerPool } from './worker-pool.js';
export { ScoreNetWorkerError } from './score-net-worker-error.js';
export { type RowShard, rowShards } from './row-shards.js';
export { type ShardGradients, shardGradients } from './shard-gradients.js';
export { backendOption, threadsInWords, workersOption } from './parallel-schemas.js';
