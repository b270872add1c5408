import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type NatsServer, freePort, startNatsServer } from './nats-server.js';

/** Waits until the cluster places a stream on all `size` peers (a probe stream, created then removed): an elected leader may not yet know every peer. */
async function waitForPeers(url: string, size: number, deadline: number): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (;;) {
      try {
        await jsm.streams.add({ name: 'SF_CLUSTER_READY', subjects: ['sf.cluster.ready'], num_replicas: size });
        await jsm.streams.delete('SF_CLUSTER_READY');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the cluster of ${size} nats-servers could not place a stream on all its peers in time: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await nc.close();
  }
}

/** A loopback JetStream cluster: its servers, and how to stop them all. */
export interface NatsCluster {
  readonly servers: readonly NatsServer[];
  /** Stops every server by its pid and removes their temporary folders. */
  stop(): Promise<void>;
}

/**
 * Starts `size` `nats-server`s on 127.0.0.1 as one JetStream cluster (each with a random client
 * and route port, a `server_name` and a temporary store; options of nats-server 2.9), and waits
 * until the cluster has elected its JetStream metadata leader and places a stream on all its
 * peers, so that streams with `num_replicas` up to `size` can be created. Stop it with `stop()`.
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
    await waitForPeers(servers[0]?.url ?? '', size, deadline);
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, stop };
}
