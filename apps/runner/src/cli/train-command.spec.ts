import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ScoreflowError } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../progress/progress-reporter.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { runCommand, validateCommand } from './commands.js';
import { trainCommand } from './train-command.js';

/** A training small enough for a test: 30 steps of a 2x16 network on the double Gaussian. */
const tiny = {
  name: 'tiny-train',
  seed: 1,
  backend: 'wasm',
  data: { type: 'gaussian-mixture', preset: 'double-gaussian' },
  sde: { type: 'vp' },
  network: { width: 16, depth: 2 },
  training: { steps: 30, batchSize: 64, poolSize: 512, warmup: 5, learningRate: 0.01, checkpointEvery: 10, workers: 0 },
  scoreError: { particles: 256 },
};

const files = (out: string) => ({
  model: readFileSync(join(out, 'checkpoint', 'model.json'), 'utf8'),
  weights: readFileSync(join(out, 'checkpoint', 'weights.bin')),
  metrics: JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')),
});

/** The checkpoint's model.json without Adam's variable names (tfjs numbers them per process). */
const stableModel = (model: string) => {
  const json = JSON.parse(model);
  delete json.userDefinedMetadata.trainer.names;
  return json;
};

describe('scoreflow train', () => {
  it('writes the checkpoint (model.json, weights.bin), metrics.json and the resolved config, and prints the backend and the score error', async () => {
    const { file, out } = configWorkspace(tiny);
    const { lines, io } = quietIo();
    expect(await trainCommand(file, { out }, io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.scoreflow-manifest.json', 'checkpoint', 'config.resolved.json', 'loss.csv', 'metrics.json', 'training.png']);
    const csv = readFileSync(join(out, 'loss.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('step,loss,average');
    expect(csv.slice(1).map((row) => Number(row.split(',')[0]))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(Number(csv.at(-1)?.split(',')[2])).toBeCloseTo(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).loss, 10);
    expect(readdirSync(join(out, 'checkpoint')).sort()).toEqual(['model.json', 'weights.bin']);
    const { model, metrics } = files(out);
    expect(metrics).toMatchObject({ run: 'tiny-train', status: 'completed', backend: 'wasm', steps: 30, targetSteps: 30, resumedFrom: 0 });
    expect(metrics.loss).toBeGreaterThan(0);
    expect(metrics.stepsPerSecond).toBeGreaterThan(0);
    expect(metrics.scoreError.map((row: { t: number }) => row.t)).toEqual([0.05, 0.1, 0.25, 0.5, 1]);
    for (const row of metrics.scoreError) expect(row).toMatchObject({ relativeMse: expect.any(Number), relativeMseRaw: expect.any(Number) });
    const user = JSON.parse(model).userDefinedMetadata;
    expect(user.ema).toMatchObject({ decay: 0.999 });
    expect(user.trainer.steps).toBe(30);
    expect(user.metadata.config).toMatchObject({ name: 'tiny-train', training: { steps: 30, emaDecay: 0.999 }, sde: { type: 'vp', betaMin: 0.1, betaMax: 20 } });
    expect(user.metadata.sde.name).toBe('vp');
    const text = lines.join('\n');
    expect(text).toMatch(/backend: wasm/);
    expect(text).toMatch(/tiny-train: completed, 30\/30 steps on wasm, loss \(EMA\) [\d.]+/);
    expect(text).toMatch(/relative MSE/);
  });

  it("feeds run's network score model, which samples with the checkpoint", async () => {
    const { dir, file } = configWorkspace(tiny);
    expect(await trainCommand(file, { out: join(dir, 'train') }, quietIo().io)).toBe(0);
    const run = configWorkspace({
      name: 'tiny-network',
      particles: 300,
      sde: { type: 'vp' },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'network', checkpoint: join(dir, 'train', 'checkpoint'), backend: 'wasm' }, steps: 20, snapshotEvery: 10 }],
      reference: { type: 'gaussian-mixture', preset: 'double-gaussian' },
      metrics: [{ type: 'sliced-wasserstein' }],
      measure: { particles: 300, referenceParticles: 300 },
    });
    const out = join(run.dir, 'out');
    const { lines, io } = quietIo();
    expect(await runCommand(run.file, { out }, io)).toBe(0);
    expect(readParticleTable(join(out, 'trajectories.arrow')).numRows).toBe(300 * 3);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('completed');
    expect(lines.join('\n')).toMatch(/network score model at pipeline\.0\.score: TensorFlow\.js backend wasm/);
  });

  it('--resume after 15 steps to 30 gives the checkpoint of a straight 30-step run, bit for bit', async () => {
    const { dir, file } = configWorkspace(tiny);
    const straight = join(dir, 'straight');
    const resumed = join(dir, 'resumed');
    const { io } = quietIo();
    expect(await trainCommand(file, { out: straight }, io)).toBe(0);
    expect(await trainCommand(file, { out: resumed, set: ['training.steps=15'] }, io)).toBe(0);
    expect(files(resumed).metrics).toMatchObject({ steps: 15, status: 'completed' });
    expect(await trainCommand(file, { out: resumed, resume: true }, io)).toBe(0);
    const a = files(straight);
    const b = files(resumed);
    expect(b.metrics).toMatchObject({ steps: 30, resumedFrom: 15 });
    expect(b.weights.equals(a.weights)).toBe(true); // raw weights, Adam state and EMA weights
    expect(stableModel(b.model)).toEqual(stableModel(a.model));
    expect(b.metrics.loss).toBe(a.metrics.loss);
    expect(b.metrics.scoreError).toEqual(a.metrics.scoreError);
    // The loss history continues across the resumption: the same 30 rows.
    expect(readFileSync(join(resumed, 'loss.csv'), 'utf8')).toBe(readFileSync(join(straight, 'loss.csv'), 'utf8'));
  });

  it('with training.workers: 1 a worker thread shares each batch, and --resume is still bit for bit', async () => {
    const { dir, file } = configWorkspace({ ...tiny, training: { ...tiny.training, workers: 1 } });
    const straight = join(dir, 'straight');
    const resumed = join(dir, 'resumed');
    const { lines, io } = quietIo();
    expect(await trainCommand(file, { out: straight }, io)).toBe(0);
    expect(lines.join('\n')).toMatch(/backend: wasm, main thread \+ 1 worker/);
    expect(lines.join('\n')).toMatch(/30\/30 steps on wasm \(main thread \+ 1 worker\)/);
    expect(files(straight).metrics).toMatchObject({ workers: 1, steps: 30 });
    expect(await trainCommand(file, { out: resumed, set: ['training.steps=15'] }, io)).toBe(0);
    expect(await trainCommand(file, { out: resumed, resume: true }, io)).toBe(0);
    expect(files(resumed).weights.equals(files(straight).weights)).toBe(true);
  });

  it('trains a conditional network on the labels of the data (network.classes) with likelihood weighting', async () => {
    const { file, out } = configWorkspace({ ...tiny, network: { ...tiny.network, classes: 2 }, training: { ...tiny.training, weighting: 'likelihood' } });
    const { io } = quietIo();
    expect(await trainCommand(file, { out }, io)).toBe(0);
    const user = JSON.parse(files(out).model).userDefinedMetadata;
    expect(JSON.parse(files(out).model).modelTopology.options).toMatchObject({ classes: 2 });
    expect(user.metadata.config.training).toMatchObject({ weighting: 'likelihood', labelDropout: 0.1 });
    const unlabelled = configWorkspace({ ...tiny, data: { type: 'gaussian', mean: [0, 0] }, network: { ...tiny.network, classes: 2 } });
    const failed = quietIo();
    expect(await trainCommand(unlabelled.file, { out: join(unlabelled.dir, 'out') }, failed.io)).toBe(1);
    expect(failed.lines.join('\n')).toMatch(/the network is conditional \(classes\), but the data source 'gaussian' emits no labels/);
  });

  it('saves the checkpoint when interrupted (exit 130), and --resume finishes it as a straight run would', async () => {
    const { dir, file, out } = configWorkspace(tiny);
    const controller = new AbortController();
    const { lines, io } = quietIo();
    const stopAtSeven = { ...silentProgress, update: (done: number) => (done >= 7 ? controller.abort() : undefined) };
    expect(await trainCommand(file, { out, signal: controller.signal }, { ...io, progress: stopAtSeven })).toBe(130);
    expect(files(out).metrics).toMatchObject({ status: 'interrupted', steps: 7 });
    expect(JSON.parse(files(out).model).userDefinedMetadata.trainer.steps).toBe(7);
    expect(lines.join('\n')).toMatch(/Interrupted after step 7; .*--resume/);
    expect(await trainCommand(file, { out, resume: true }, quietIo().io)).toBe(0);
    const straight = join(dir, 'straight');
    expect(await trainCommand(file, { out: straight }, quietIo().io)).toBe(0);
    expect(files(out).weights.equals(files(straight).weights)).toBe(true);
  });

  it('refuses to overwrite an output folder without --force, and to resume where there is no checkpoint or another training', async () => {
    const { dir, file, out } = configWorkspace({ ...tiny, training: { ...tiny.training, steps: 5 }, scoreError: { particles: 16 } });
    const { io } = quietIo();
    expect(await trainCommand(file, { out }, io)).toBe(0);
    const before = files(out).weights;
    await expect(trainCommand(file, { out, seed: 2 }, io)).rejects.toThrow(/is not empty:\n\s+- --out: .* holds .*; pass --force/);
    expect(files(out).weights.equals(before)).toBe(true);
    await expect(trainCommand(file, { out, resume: true, seed: 2 }, io)).rejects.toThrow(/--resume: the config differs .*\n\s+- seed: was 1 in the checkpoint's training, is 2 now/);
    await expect(trainCommand(file, { out, resume: true, force: true }, io)).rejects.toThrow(/give one of them/);
    await expect(trainCommand(file, { out, resume: true }, io)).rejects.toThrow(/training\.steps: is 5, and .* is at step 5 already; raise it/);
    await expect(trainCommand(file, { out: join(dir, 'empty'), resume: true }, io)).rejects.toThrow(/--resume: no checkpoint to resume in .*empty:\n\s+- --out: folder not found/);
    expect(await trainCommand(file, { out, seed: 2, force: true }, io)).toBe(0);
    expect(files(out).weights.equals(before)).toBe(false);
  });

  it('rejects bad config values naming the field and the allowed values, before anything is written', async () => {
    const errorOf = async (config: object) => {
      const { file, out } = configWorkspace(config);
      const error = await trainCommand(file, { out }, quietIo().io).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(existsSync(out)).toBe(false);
      expect(error).toBeInstanceOf(ScoreflowError);
      return error!.message;
    };
    expect(await errorOf({ ...tiny, backend: 'gpu' })).toMatch(/backend: .*"best"\|"wasm"\|"cpu"\|"tensorflow".*got "gpu"/);
    expect(await errorOf({ ...tiny, network: { activation: 'gelu' } })).toMatch(/network\.activation: .*"silu"\|"relu"\|"tanh".*got "gelu"/);
    expect(await errorOf({ ...tiny, network: { embeddingSize: 15 } })).toMatch(/network\.embeddingSize: must be even, got 15/);
    expect(await errorOf({ ...tiny, training: { steps: 0 } })).toMatch(/training\.steps: .*>=1.*got 0/);
    expect(await errorOf({ ...tiny, training: { emaDecay: 1 } })).toMatch(/training\.emaDecay: .*<1.*got 1/);
    expect(await errorOf({ ...tiny, training: { epochs: 3 } })).toMatch(/training: Unrecognized key: "epochs"/);
    expect(await errorOf({ ...tiny, data: { type: 'two-moon' } })).toMatch(/data\.type: unknown data-source 'two-moon'\. Available data-source plugins: .*'two-moons'/);
    expect(await errorOf({ ...tiny, sde: { type: 'vp', betaMin: -1 } })).toMatch(/sde\.betaMin: .*>=0/);
  });

  it('validate checks train configs too (a config with a training field), and run refuses them', async () => {
    const { file } = configWorkspace(tiny);
    const { lines, io } = quietIo();
    expect(validateCommand(file, {}, io)).toBe(0);
    expect(lines[0]).toMatch(/valid train config \(data gaussian-mixture, 2-D; sde vp; network 2x16 silu eps; 30 steps, batch 64, exact score\)/);
    expect(() => validateCommand(file, { set: ['training.batchSize=0'] }, quietIo().io)).toThrow(/training\.batchSize: .*>=1.*got 0/);
    await expect(runCommand(file, {}, quietIo().io)).rejects.toThrow(ConfigError);
    await expect(runCommand(file, {}, quietIo().io)).rejects.toThrow(/training: makes it a train config: run it with 'scoreflow train'/);
  });

  it('names the checkpoint option of a run whose network checkpoint is missing', async () => {
    const { dir, file } = configWorkspace({
      name: 'missing',
      sde: { type: 'vp' },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'network', checkpoint: 'nowhere/checkpoint' }, steps: 5 }],
    });
    const out = join(dir, 'out');
    await expect(runCommand(file, { out }, quietIo().io)).rejects.toThrow(
      new RegExp(`pipeline\\.0\\.score\\.checkpoint: folder not found: ${join(dir, 'nowhere', 'checkpoint')}`),
    );
    expect(existsSync(out)).toBe(false);
  });
});
