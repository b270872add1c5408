import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNatsServer } from '@scoreflow/engine-nats/testing';
import type { BenchResult, BenchValue } from '../measure.js';

const root = resolve(import.meta.dirname, '../../../..');
const cli = join(root, 'apps/runner/dist/scoreflow.mjs');

const PARTICLES = 131_072;
const STEPS = 50;
const BATCH = 8192;

/** The run: 131,072 particles in R^8, 50 reverse-SDE steps to a two-component mixture, only the last step kept (snapshotEvery 50), batches of 8,192 (16 shards). */
function writeConfig(dir: string): string {
  const means = [
    [2, 0, 0, 0, 0, 0, 0, 0],
    [-2, 0, 0, 0, 0, 0, 0, 0],
  ];
  const file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bench-distributed',
      dim: 8,
      particles: PARTICLES,
      batchSize: BATCH,
      seed: 1,
      sde: { type: 'brownian', T: 4 },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', means, std: 0.5 }, steps: STEPS, snapshotEvery: STEPS }],
      metrics: [],
    }),
  );
  return file;
}

/** The run's own seconds, as `scoreflow run` prints them (`N particle-steps in S s`): the run without the process's start. */
function runSeconds(args: string[]): number {
  const child = spawnSync(process.execPath, [cli, 'run', ...args, '--force'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`scoreflow run failed (${child.status}): ${child.stderr}`);
  const match = /particle-steps in ([\d.]+) s/.exec(child.stdout);
  if (match === null) throw new Error(`no timing line in: ${child.stdout}`);
  return Number(match[1]);
}

/** Starts `count` worker processes and resolves once each says it is serving. */
async function startWorkers(url: string, count: number): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () => spawn(process.execPath, [cli, 'worker', '--engine', url], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] }));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((ready, failed) => {
          let text = '';
          worker.stderr?.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('serving')) ready();
          });
          worker.once('exit', (code) => failed(new Error(`worker exited (${code}): ${text}`)));
        }),
    ),
  );
  return workers;
}

/**
 * `npm run bench -- distributed`: particle-steps per second of one run on loopback, in process
 * and coordinated over nats-server with 1, 2 and 4 `scoreflow worker` processes (the bundle
 * `apps/runner/dist`), each the best of 2 runs; the coordinator's overhead is 1 worker against in
 * process. Workers are started (and ready) before the clock starts; the times are the runs' own
 * (`particle-steps in S s`), so neither includes Node's start.
 */
export async function distributedBench(): Promise<BenchResult> {
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@scoreflow/runner'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the runner failed: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-bench-distributed-'));
  const server = await startNatsServer();
  try {
    const config = writeConfig(dir);
    const best = (args: string[]) => Math.min(runSeconds(args), runSeconds(args));
    const work = PARTICLES * STEPS;
    const inProcess = best([config, '--out', join(dir, 'in-process')]);
    const values: BenchValue[] = [{ name: 'in process', value: work / inProcess, unit: 'particle-steps/s' }];
    let one = Number.NaN;
    for (const count of [1, 2, 4]) {
      const workers = await startWorkers(server.url, count);
      try {
        const seconds = best([config, '--out', join(dir, `workers-${count}`), '--engine', server.url]);
        if (count === 1) one = seconds;
        values.push({ name: `${count} worker process${count === 1 ? '' : 'es'}`, value: work / seconds, unit: 'particle-steps/s' });
      } finally {
        for (const worker of workers) if (worker.pid !== undefined && worker.exitCode === null) process.kill(worker.pid, 'SIGKILL');
      }
    }
    values.push({ name: "coordinator's overhead (1 worker against in process)", value: (one / inProcess - 1) * 100, unit: '%' });
    return {
      bench: 'distributed sampling on loopback',
      description: `${PARTICLES.toLocaleString('en')} particles in R^8, ${STEPS} Euler-Maruyama steps, shards of ${BATCH.toLocaleString('en')}: in process vs \`scoreflow run --engine\` with N \`scoreflow worker\` processes on one nats-server 2.9 (loopback, file store)`,
      values,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
