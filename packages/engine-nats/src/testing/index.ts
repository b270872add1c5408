export { type NatsCluster, startNatsCluster } from './nats-cluster.js';
export { type NatsServer, type NatsServerOptions, freePort, natsServerBinary, natsSkipReason, startNatsServer } from './nats-server.js';
