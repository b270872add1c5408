import { ConfigError } from '@scoreflow/core';
import { type Shard, planShards } from '@scoreflow/engine-nats';
import type { RunPlan } from '../pipeline/build-run.js';

/**
 * Stage types that gather the whole population before they step (twisted SMC resamples across
 * every batch): their result depends on which particles are together, so they run in one shard.
 * Every other shipped stage treats each batch on its own.
 */
export const POPULATION_STAGES: ReadonlySet<string> = new Set(['twisted-smc']);

/**
 * The shards of a run spread by an engine (`--engine`, `--threads`): its particles cut into
 * virtual shards of `shardSize` (default: one batch), fixed by particles, batch size and shard size,
 * never by the number of workers (`planShards`). Bad input (exit code 2): a shard size that is not
 * a multiple of the batch size, and a stage that couples the population (`POPULATION_STAGES`)
 * with more than one shard; `option` names the engine's option in that message.
 */
export function runShards(plan: RunPlan, shardSize: number | undefined, option: '--engine' | '--threads'): Shard[] {
  const { particles, batchSize } = plan.config;
  let shards: Shard[];
  try {
    shards = planShards(particles, shardSize ?? batchSize, batchSize);
  } catch (error) {
    throw new ConfigError('Invalid --shard-size', [{ path: '--shard-size', message: (error as Error).message.replace(/^planShards: /, '') }]);
  }
  const coupled = plan.stages.find((stage) => POPULATION_STAGES.has(stage.type));
  if (coupled !== undefined && shards.length > 1) {
    throw new ConfigError(`Invalid ${option} run`, [
      { path: `pipeline.${coupled.index}.type`, message: `'${coupled.type}' couples the whole population (it resamples across batches), so its shards would not give the in-process result: run it without ${option}, or with --shard-size ${particles} or more (one shard)` },
    ]);
  }
  return shards;
}
