import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `nats-server` package puts the binary (`apt-get install -y nats-server`). */
const CANDIDATES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** The `nats-server` binary: `$NATS_SERVER` when set, else the first of Debian's paths that exists; undefined when none does. */
export function natsServerBinary(): string | undefined {
  const named = process.env.NATS_SERVER;
  if (named !== undefined && named !== '') return existsSync(named) ? named : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Why the NATS specs cannot run here, or undefined when they can. Under `CI=true` a missing
 * binary is never a reason to skip: the specs run and fail (`.ci/run` installs it).
 */
export function natsSkipReason(): string | undefined {
  if (natsServerBinary() !== undefined || process.env.CI === 'true') return undefined;
  return 'nats-server is not installed (as root: apt-get update && apt-get install -y nats-server)';
}

/** What a loopback server takes: its message size limit and whether JetStream keeps files or memory. */
export interface NatsServerOptions {
  /** The server's `max_payload` in bytes (NATS's default: 1 MiB = 1,048,576). */
  readonly maxPayload?: number;
  /** Milliseconds to wait until the server accepts connections (default 10 s). */
  readonly startTimeoutMs?: number;
  /** Reuse this store folder (a restart over the same JetStream files); a fresh temporary one by default. */
  readonly storeDir?: string;
  /** Listen on this port (a restart on the same address); a free random one by default. */
  readonly port?: number;
  /** A member of a JetStream cluster (`startNatsCluster`): its `server_name`, the cluster's name, its route port and every member's route port. */
  readonly cluster?: { readonly serverName: string; readonly name: string; readonly port: number; readonly routes: readonly number[] };
}

/** A running `nats-server`: its URL, process id, and how to stop it. */
export interface NatsServer {
  /** `nats://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The JetStream store folder (removed by `stop()` unless it was given). */
  readonly storeDir: string;
  /** What the server has logged so far. */
  log(): string;
  /** Stops the server by its pid (SIGTERM, then SIGKILL after 5 s) and removes the temporary folders. */
  stop(options?: { readonly keepStore?: boolean }): Promise<void>;
}

/** A TCP port nobody listens on at the moment (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Debian's `nats-server` (2.9.10) on 127.0.0.1 with a random free port, JetStream on, its
 * store in a temporary folder, and waits until it accepts connections. The config file is
 * written beside the store: `listen`, `max_payload`, `jetstream { store_dir }` (options of 2.9,
 * no 2.10-only ones). Stop it with `stop()`, which kills it by its pid.
 *
 * @example
 * const server = await startNatsServer({ maxPayload: 1 << 20 });
 * try { ... connect({ servers: server.url }) ... } finally { await server.stop(); }
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const binary = natsServerBinary();
  if (binary === undefined) throw new Error(natsSkipReason() ?? 'nats-server is not installed: apt-get install -y nats-server');
  const home = mkdtempSync(join(tmpdir(), 'scoreflow-nats-'));
  const storeDir = options.storeDir ?? join(home, 'jetstream');
  const port = options.port ?? (await freePort());
  const config = join(home, 'nats.conf');
  const lines = [`listen: 127.0.0.1:${port}`, `jetstream { store_dir: ${JSON.stringify(storeDir)} }`];
  if (options.maxPayload !== undefined) lines.push(`max_payload: ${options.maxPayload}`);
  const { cluster } = options;
  if (cluster !== undefined) {
    const routes = cluster.routes.map((route) => `nats-route://127.0.0.1:${route}`).join(', ');
    lines.push(`server_name: ${cluster.serverName}`, `cluster { name: ${cluster.name}, listen: 127.0.0.1:${cluster.port}, routes: [${routes}] }`);
  }
  writeFileSync(config, lines.join('\n') + '\n');
  const log = join(home, 'nats.log');
  const child = spawn(binary, ['-c', config, '-l', log], { stdio: 'ignore', detached: false });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilListening(port, child, options.startTimeoutMs ?? 10_000, log);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  const ownStore = options.storeDir === undefined;
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pid,
    storeDir,
    log: () => readLog(log),
    async stop(stopOptions = {}) {
      await stopByPid(pid, exited);
      if (stopOptions.keepStore === true || !ownStore) rmSync(config, { force: true });
      else rmSync(home, { recursive: true, force: true });
    },
  };
}

async function stopByPid(pid: number, exited: Promise<void>): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => isAlive(pid) && process.kill(pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilListening(port: number, child: ChildProcess, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nats-server exited with code ${child.exitCode}: ${readLog(log)}`);
    if (readLog(log).includes('Server is ready')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nats-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms: ${readLog(log)}`);
}

function readLog(log: string): string {
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}
