export { type DistributedRunOptions, POPULATION_STAGES, distributedEvents } from './distributed-events.js';
export { runShard } from './run-shard.js';
export { shardBatches } from './shard-batches.js';
export { decodeShardEvents, encodeShardEvents } from './shard-events.js';
export { type ShardWork, portableOverrides } from './shard-work.js';
export { type SweepPoint, type SweepPointResult, decodeSweepResult, encodeSweepResult, parseGrid, parseSeeds, planSweep, runSweepPoint, sweepTable } from './sweep/index.js';
export { scoreflowWork } from './work-handler.js';
export { type EngineTrainer, type EngineTrainerOptions, type GradientWork, createEngineTrainer, gradientWorker } from './training/index.js';
