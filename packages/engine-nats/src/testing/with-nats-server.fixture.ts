import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll } from 'vitest';
import { connectEngine } from '../engine/engine-url.js';
import { type NatsServer, type NatsServerOptions, startNatsServer } from './nats-server.js';

/** A spec's loopback server and one connection to it, valid between its `beforeAll` and `afterAll`. */
export interface NatsFixture {
  readonly server: NatsServer;
  readonly nc: NatsConnection;
}

/**
 * For this package's specs: starts a loopback `nats-server` and connects to it in `beforeAll`,
 * closes and stops it (by its pid) in `afterAll`. Call it in a
 * `describe.skipIf(natsSkipReason() !== undefined)` block; read the fields in tests only. Not
 * exported and not built (`.fixture.ts`): it imports vitest, which the package does not list.
 */
export function withNatsServer(options: NatsServerOptions = {}): NatsFixture {
  let server: NatsServer | undefined;
  let nc: NatsConnection | undefined;
  beforeAll(async () => {
    server = await startNatsServer(options);
    nc = await connectEngine(server.url);
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await server?.stop();
  }, 60_000);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('withNatsServer: the server is started in beforeAll; read it inside a test');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get nc() {
      return started(nc);
    },
  };
}
