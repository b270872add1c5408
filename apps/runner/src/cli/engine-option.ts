import { ConfigError } from '@scoreflow/core';
import { checkReplicas, parseEngineUrl } from '@scoreflow/engine-nats';

/** `--engine URL` checked (`nats://HOST:PORT`); anything else is bad input (a `ConfigError` at `--engine`, exit code 2). */
export function engineOption(url: string): string {
  try {
    return parseEngineUrl(url);
  } catch (error) {
    throw new ConfigError('Invalid --engine', [{ path: '--engine', message: (error as Error).message.replace(/^--engine: /, '') }]);
  }
}

/**
 * `--replicas N` checked: the copies a JetStream cluster keeps of each stream and bucket the
 * command creates (1 to 5), only with `--engine`; undefined when absent (streams keep theirs).
 */
export function replicasOption(replicas: number | undefined, engine: string | undefined): number | undefined {
  if (replicas === undefined) return undefined;
  if (engine === undefined) throw new ConfigError('Invalid --replicas', [{ path: '--replicas', message: 'only with --engine nats://HOST:PORT' }]);
  try {
    return checkReplicas(replicas, '--replicas');
  } catch (error) {
    throw new ConfigError('Invalid --replicas', [{ path: '--replicas', message: (error as Error).message.replace(/^--replicas: /, '') }]);
  }
}
