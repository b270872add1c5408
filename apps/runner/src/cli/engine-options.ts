import { ConfigError } from '@scoreflow/core';
import type { ConfigOverrides } from '../config/overrides.js';
import { distributedEvents } from '../engine/index.js';
import type { RunCommandOptions } from './commands.js';
import { engineOption, replicasOption } from './engine-option.js';

export { workerCommand } from './worker-command.js';

/**
 * `scoreflow run`'s `--engine URL`, `--shard-size N` and `--replicas N`: the coordinator's event
 * stream (`distributedEvents`), or undefined (in this process, as without an engine) when
 * `--engine` is absent. A malformed URL, or `--shard-size` or `--replicas` without `--engine`, is
 * bad input (exit code 2).
 */
export function engineEvents(configFile: string, options: ConfigOverrides & { engine?: string; shardSize?: number; replicas?: number }): RunCommandOptions['runEvents'] {
  const replicas = replicasOption(options.replicas, options.engine);
  if (options.engine === undefined) {
    if (options.shardSize !== undefined) throw new ConfigError('Invalid --shard-size', [{ path: '--shard-size', message: 'only with --engine nats://HOST:PORT' }]);
    return undefined;
  }
  const engine = engineOption(options.engine);
  const { seed, particles, batchSize, set } = options;
  return distributedEvents(configFile, { seed, particles, batchSize, set }, { engine, shardSize: options.shardSize, ...(replicas !== undefined && { replicas }) });
}
