import { ConfigError } from '@scoreflow/core';
import { type NatsConnection, connect } from '@nats-io/transport-node';

/** The form `--engine` takes. */
export const ENGINE_URL_FORM = 'nats://HOST:PORT';

/**
 * Checks an engine address (`nats://HOST:PORT`) and returns it as the NATS client takes it.
 * Anything else throws a `RangeError` naming the form (the CLI turns it into a bad-input error).
 */
export function parseEngineUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`--engine: expected ${ENGINE_URL_FORM}, got "${url}"`);
  }
  if (parsed.protocol !== 'nats:' || parsed.hostname === '' || parsed.port === '' || parsed.pathname.replace(/^\/$/, '') !== '') {
    throw new RangeError(`--engine: expected ${ENGINE_URL_FORM}, got "${url}"`);
  }
  return `nats://${parsed.host}`;
}

/**
 * Connects to the engine at `url` (`nats://HOST:PORT`), with a name that shows in the server's
 * monitoring. A server that cannot be reached is bad input for this command (a `ConfigError` at
 * `--engine`, exit code 2 in the CLI), not a crash.
 */
export async function connectEngine(url: string, name = 'scoreflow'): Promise<NatsConnection> {
  const servers = parseEngineUrl(url);
  try {
    return await connect({ servers, name, maxReconnectAttempts: 30, reconnectTimeWait: 500 });
  } catch (error) {
    throw new ConfigError(`Cannot reach the engine at ${servers}`, [{ path: '--engine', message: `cannot connect to ${servers} (${(error as Error).message}): is nats-server running there with JetStream on (-js)?` }]);
  }
}
