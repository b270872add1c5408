import { type NatsServer, freePort, startNatsServer } from './nats-server.js';

/** A loopback JetStream cluster: its servers, and how to stop them all. */
export interface NatsCluster {
  readonly servers: readonly NatsServer[];
  /** Stops every server by its pid and removes their temporary folders. */
  stop(): Promise<void>;
}

/**
 * Starts `size` `nats-server`s on 127.0.0.1 as one JetStream cluster (each with a random client
 * and route port, a `server_name` and a temporary store; options of nats-server 2.9), and waits
 * until the cluster has elected its JetStream metadata leader, so that streams with
 * `num_replicas` up to `size` can be created. Stop it with `stop()`.
 *
 * @example
 * const cluster = await startNatsCluster(3);
 * try { ... connect({ servers: cluster.servers[0].url }) ... } finally { await cluster.stop(); }
 */
export async function startNatsCluster(size = 3, timeoutMs = 20_000): Promise<NatsCluster> {
  const routes: number[] = [];
  for (let i = 0; i < size; i++) routes.push(await freePort());
  const servers: NatsServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  try {
    for (let i = 0; i < size; i++) {
      servers.push(await startNatsServer({ cluster: { serverName: `sf-${i}`, name: 'scoreflow-test', port: routes[i] as number, routes } }));
    }
    const deadline = Date.now() + timeoutMs;
    while (!servers.some((server) => /metadata leader/.test(server.log()))) {
      if (Date.now() > deadline) throw new Error(`the cluster of ${size} nats-servers elected no JetStream leader within ${timeoutMs} ms: ${servers[0]?.log() ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, stop };
}
