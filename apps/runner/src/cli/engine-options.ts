import { ConfigError } from '@scoreflow/core';
import { parseEngineUrl } from '@scoreflow/engine-nats';
import type { ConfigOverrides } from '../config/overrides.js';
import { distributedEvents } from '../engine/index.js';
import type { RunCommandOptions } from './commands.js';

export { workerCommand } from './worker-command.js';

/**
 * `scoreflow run`'s `--engine URL` and `--shard-size N`: the coordinator's event stream
 * (`distributedEvents`), or undefined (in this process, as without an engine) when `--engine` is
 * absent. A malformed URL, or `--shard-size` without `--engine`, is bad input (exit code 2).
 */
export function engineEvents(configFile: string, options: ConfigOverrides & { engine?: string; shardSize?: number }): RunCommandOptions['runEvents'] {
  if (options.engine === undefined) {
    if (options.shardSize !== undefined) throw new ConfigError('Invalid --shard-size', [{ path: '--shard-size', message: 'only with --engine nats://HOST:PORT' }]);
    return undefined;
  }
  let engine: string;
  try {
    engine = parseEngineUrl(options.engine);
  } catch (error) {
    throw new ConfigError('Invalid --engine', [{ path: '--engine', message: (error as Error).message.replace(/^--engine: /, '') }]);
  }
  const { seed, particles, batchSize, set } = options;
  return distributedEvents(configFile, { seed, particles, batchSize, set }, { engine, shardSize: options.shardSize });
}
