import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { CHECKPOINT_BUCKET, checkpointStore, connectEngine, openBucket, revisionStore, serveWork } from '@scoreflow/engine-nats';
import { type NatsServer, natsSkipReason, startNatsServer } from '@scoreflow/engine-nats/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointListCommand, checkpointPullCommand } from '../../cli/checkpoint-command.js';
import { runCli } from '../../cli/run-cli.js';
import { trainCommand } from '../../cli/train-command.js';
import { configWorkspace, quietIo } from '../../testing/cli-harness.js';
import { type GradientWork, gradientWorker } from '../training/index.js';
import { TRAINING_CHECKPOINT_FILES } from './training-files.js';

/** 4 steps of a 1x8 network, a checkpoint every 2: seconds, over the engine. */
const tiny = {
  name: 'tiny-store',
  seed: 1,
  backend: 'wasm',
  data: { type: 'gaussian-mixture', preset: 'double-gaussian' },
  sde: { type: 'vp' },
  network: { width: 8, depth: 1 },
  training: { steps: 4, batchSize: 32, poolSize: 256, warmup: 1, learningRate: 0.01, checkpointEvery: 2, workers: 0 },
  scoreError: { particles: 64 },
};
const bytesOf = (out: string, file: string) => readFileSync(join(out, file));

describe.skipIf(natsSkipReason() !== undefined)('scoreflow train --engine: checkpoints in the object store', () => {
  let server: NatsServer;
  let nc: NatsConnection;
  const abort = new AbortController();
  let worker: Promise<unknown> | undefined;
  const { dir, file } = configWorkspace(tiny);
  const out = (name: string) => join(dir, name);
  const train = (name: string, options: { steps?: number; out?: string; resume?: boolean; force?: boolean } = {}) => {
    const { lines, io } = quietIo();
    const set = [`name=${name}`, `training.steps=${options.steps ?? 4}`];
    const done = trainCommand(file, { out: options.out ?? out(name), engine: server.url, shards: 2, set, resume: options.resume, force: options.force }, io);
    return { lines, done };
  };

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectEngine(server.url, 'gradient-worker');
    const compute = gradientWorker(await revisionStore(nc));
    worker = serveWork(nc, (item) => compute(item.body as GradientWork), { signal: abort.signal });
  }, 60_000);

  afterAll(async () => {
    abort.abort();
    await worker;
    await nc?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('puts every checkpoint under the config name and step, byte for byte the files of the output folder, the latest findable', async () => {
    const { lines, done } = train('whole');
    expect(await done).toBe(0);
    const store = await checkpointStore(nc);
    expect((await store.list()).find((listing) => listing.name === 'whole')).toEqual({ name: 'whole', steps: [2, 4], latest: 4 });
    const latest = await store.get('whole');
    expect(latest.manifest.steps).toBe(4);
    expect(Object.keys(latest.files).sort()).toEqual([...TRAINING_CHECKPOINT_FILES].sort());
    for (const name of TRAINING_CHECKPOINT_FILES) expect(Buffer.from(latest.files[name] as Uint8Array).equals(bytesOf(out('whole'), name))).toBe(true);
    expect(lines).toContain(`object store: whole at step 4 (scoreflow checkpoint pull whole --engine ${server.url})`);
  });

  it('--resume with an empty output folder continues from the store, to the weights of an uninterrupted run bit for bit', async () => {
    expect(await train('part', { steps: 2 }).done).toBe(0);
    const elsewhere = out('part-elsewhere');
    const resumed = train('part', { out: elsewhere, resume: true });
    expect(await resumed.done).toBe(0);
    expect(resumed.lines).toContain(`resuming from part in the object store at ${server.url}, step 2 (every SHA-256 checked)`);
    expect(JSON.parse(bytesOf(elsewhere, 'metrics.json').toString('utf8'))).toMatchObject({ resumedFrom: 2, steps: 4 });
    // weights.bin holds the raw weights, the EMA and Adam's moments; loss.csv every step's loss.
    expect(bytesOf(elsewhere, 'checkpoint/weights.bin').equals(bytesOf(out('whole'), 'checkpoint/weights.bin'))).toBe(true);
    expect(bytesOf(elsewhere, 'loss.csv').equals(bytesOf(out('whole'), 'loss.csv'))).toBe(true);
    expect((await (await checkpointStore(nc)).latest('part'))?.steps).toBe(4);
  });

  it('refuses a fresh training over a name the store holds, and --resume with nothing anywhere', async () => {
    await expect(train('whole', { out: out('again') }).done).rejects.toThrow('The object store holds checkpoints of whole');
    expect(existsSync(out('again'))).toBe(false);
    await expect(train('nobody', { resume: true }).done).rejects.toThrow(`--resume: no checkpoint to resume in ${out('nobody')}`);
  });

  it('scoreflow checkpoint pull writes the training folder by name; list names every training', async () => {
    const pulled = out('pulled');
    const { lines, io } = quietIo();
    expect(await runCli(['node', 'scoreflow', 'checkpoint', 'pull', 'whole', '--engine', server.url, '--step', '2', '--out', pulled], io)).toBe(0);
    expect(lines).toContain('whole step 2: 3 files, every SHA-256 checked');
    const stored = await (await checkpointStore(nc)).get('whole', 2);
    for (const name of TRAINING_CHECKPOINT_FILES) expect(bytesOf(pulled, name).equals(Buffer.from(stored.files[name] as Uint8Array))).toBe(true);
    const listed = quietIo();
    expect(await checkpointListCommand({ engine: server.url }, listed.io)).toBe(0);
    expect(listed.lines).toContain('whole: steps 2, 4; latest 4');
    const missing = quietIo();
    expect(await runCli(['node', 'scoreflow', 'checkpoint', 'pull', 'whole', '--engine', server.url, '--step', '3', '--out', out('missing')], missing.io)).toBe(2);
    expect(missing.lines.join('\n')).toMatch(/--step: no checkpoint of whole at step 3 in the object store sf_checkpoints/);
  });

  it('refuses a corrupted object with an error naming it, and writes nothing', async () => {
    const raw = await openBucket(nc, CHECKPOINT_BUCKET);
    const object = 'whole/step-4/checkpoint/weights.bin';
    const info = await raw.info(object);
    const changed = Uint8Array.from((await raw.getBlob(object)) ?? []);
    changed[0] ^= 0x80;
    await raw.putBlob({ name: object, metadata: info?.metadata }, changed);
    const message = `object ${object} in bucket ${CHECKPOINT_BUCKET}: the bytes have SHA-256`;
    await expect(checkpointPullCommand('whole', { engine: server.url, out: out('bad-pull') }, quietIo().io)).rejects.toThrow(message);
    expect(existsSync(out('bad-pull'))).toBe(false);
    const cli = quietIo();
    expect(await runCli(['node', 'scoreflow', 'checkpoint', 'pull', 'whole', '--engine', server.url, '--out', out('bad-pull')], cli.io)).toBe(1);
    expect(cli.lines).toContainEqual(expect.stringContaining(`error: ${message}`));
    await expect(train('whole', { steps: 6, out: out('bad-resume'), resume: true }).done).rejects.toThrow(message);
    expect(existsSync(out('bad-resume'))).toBe(false);
  });

  it('--force replaces the checkpoints of the name in the store, the corrupted one included', async () => {
    const { done } = train('whole', { out: out('whole-again'), force: true });
    expect(await done).toBe(0);
    const store = await checkpointStore(nc);
    expect((await store.list()).find((listing) => listing.name === 'whole')).toEqual({ name: 'whole', steps: [2, 4], latest: 4 });
    const latest = await store.get('whole');
    expect(Buffer.from(latest.files['checkpoint/weights.bin'] as Uint8Array).equals(bytesOf(out('whole'), 'checkpoint/weights.bin'))).toBe(true);
  });
});
