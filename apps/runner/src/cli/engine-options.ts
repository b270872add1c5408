import { ConfigError } from '@scoreflow/core';
import type { ConfigOverrides } from '../config/overrides.js';
import { distributedEvents, threadEvents } from '../engine/index.js';
import type { RunCommandOptions } from './commands.js';
import { engineOption, replicasOption } from './engine-option.js';

export { workerCommand } from './worker-command.js';

/**
 * `scoreflow run`'s `--engine URL`, `--threads N`, `--shard-size N` and `--replicas N`: the
 * coordinator's event stream (`distributedEvents`), the worker threads' (`threadEvents`), or
 * undefined (in this process, as without an engine) when neither is given. A malformed URL, both
 * engines at once, or `--shard-size` (`--replicas`) without one (without `--engine`) is bad input
 * (exit code 2).
 */
export function engineEvents(configFile: string, options: ConfigOverrides & { engine?: string; threads?: number; shardSize?: number; replicas?: number }): RunCommandOptions['runEvents'] {
  const replicas = replicasOption(options.replicas, options.engine);
  if (options.threads !== undefined) {
    if (options.engine !== undefined) throw new ConfigError('Invalid --threads', [{ path: '--threads', message: 'give --threads (worker threads of this process) or --engine (scoreflow workers over NATS), not both' }]);
    const { seed, particles, batchSize, set } = options;
    return threadEvents(configFile, { seed, particles, batchSize, set }, { threads: options.threads, shardSize: options.shardSize });
  }
  if (options.engine === undefined) {
    if (options.shardSize !== undefined) throw new ConfigError('Invalid --shard-size', [{ path: '--shard-size', message: 'only with --engine nats://HOST:PORT or --threads N' }]);
    return undefined;
  }
  const engine = engineOption(options.engine);
  const { seed, particles, batchSize, set } = options;
  return distributedEvents(configFile, { seed, particles, batchSize, set }, { engine, shardSize: options.shardSize, ...(replicas !== undefined && { replicas }) });
}
