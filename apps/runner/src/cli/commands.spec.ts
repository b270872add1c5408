import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ScoreflowError, idsOf, positionsOf, stepsOf } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configWorkspace as workspace, quietIo as quiet } from '../testing/cli-harness.js';
import { measuredReverseRun } from '../testing/prior-run.js';
import { checkpointSlots, tinyCheckpoints } from '../testing/checkpoint-slots.js';
import { scoreflowRegistry } from '../registry.js';
import { listCommand, runCommand, validateCommand } from './commands.js';

const base = measuredReverseRun('small-reverse', 3, 3000, 1024, 60, 20);

/** Rows of a trajectories file sorted by (step, id): positions only. */
function sortedPositions(path: string): Float32Array {
  const rows: { step: number; id: number; x: Float32Array }[] = [];
  for (const batch of readParticleTable(path).batches) {
    const ids = idsOf(batch);
    const steps = stepsOf(batch);
    const x = positionsOf(batch);
    for (let i = 0; i < ids.length; i++) rows.push({ step: steps[i], id: ids[i], x: x.subarray(2 * i, 2 * i + 2) });
  }
  rows.sort((a, b) => a.step - b.step || a.id - b.id);
  return Float32Array.from(rows.flatMap((row) => [...row.x]));
}

describe('scoreflow run', () => {
  it('writes trajectories, metrics and the resolved config, and prints a summary', async () => {
    const { file, out } = workspace(base);
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(0);
    const table = readParticleTable(join(out, 'trajectories.arrow'));
    expect(table.numRows).toBe(3000 * 4); // initial + steps 20, 40, 60
    expect(table.schema.metadata.get('run')).toBe('small-reverse');
    expect(table.schema.metadata.get('seed')).toBe('3');
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.status).toBe('completed');
    expect(metrics.stages[0]).toMatchObject({ stage: 0, type: 'euler-maruyama', stats: { nfe: { mean: 60, min: 60, max: 60, particles: 3000 } } });
    expect(metrics.snapshots.map((s: { step: number }) => s.step)).toEqual([0, 20, 40, 60]);
    expect(Object.keys(metrics.snapshots[3].values)).toEqual(expect.arrayContaining(['sw2', 'meanError', 'covarianceError']));
    // The final snapshot is close to the target; the prior is not.
    expect(metrics.snapshots[3].values.sw2).toBeLessThan(metrics.snapshots[0].values.sw2);
    const resolved = JSON.parse(readFileSync(join(out, 'config.resolved.json'), 'utf8'));
    expect(resolved.pipeline[0]).toMatchObject({ type: 'euler-maruyama', tEnd: 1e-3, noiseRemoval: true, includeInitial: true });
    expect(resolved.pipeline[0].score).toMatchObject({ type: 'gaussian-mixture', preset: 'double-gaussian' });
    expect(lines.join('\n')).toMatch(/small-reverse: completed/);
  });

  it('gives byte-identical files for one seed', async () => {
    const { dir, file } = workspace(base);
    const { io } = quiet();
    await runCommand(file, { out: join(dir, 'a') }, io);
    await runCommand(file, { out: join(dir, 'b') }, io);
    for (const name of ['trajectories.arrow', 'metrics.json', 'config.resolved.json']) {
      expect(readFileSync(join(dir, 'b', name)).equals(readFileSync(join(dir, 'a', name)))).toBe(true);
    }
  });

  it('gives identical particles for another batch size, and other particles for another seed', async () => {
    const { dir, file } = workspace(base);
    const { io } = quiet();
    await runCommand(file, { out: join(dir, 'a') }, io);
    await runCommand(file, { out: join(dir, 'b'), batchSize: 700 }, io);
    await runCommand(file, { out: join(dir, 'c'), seed: 4 }, io);
    const a = sortedPositions(join(dir, 'a', 'trajectories.arrow'));
    expect(sortedPositions(join(dir, 'b', 'trajectories.arrow'))).toEqual(a);
    expect(sortedPositions(join(dir, 'c', 'trajectories.arrow'))).not.toEqual(a);
  });

  it('refuses to overwrite an existing output folder without --force', async () => {
    const { file, out } = workspace(base);
    const { io } = quiet();
    await runCommand(file, { out }, io);
    const before = readFileSync(join(out, 'trajectories.arrow'));
    await expect(runCommand(file, { out, seed: 9 }, io)).rejects.toThrow(/is not empty:\n\s+- --out: .* holds .*; pass --force/);
    expect(readFileSync(join(out, 'trajectories.arrow')).equals(before)).toBe(true);
    expect(await runCommand(file, { out, seed: 9, force: true }, io)).toBe(0);
    expect(readFileSync(join(out, 'trajectories.arrow')).equals(before)).toBe(false);
  });

  it('leaves a readable Arrow file with every finished snapshot when interrupted', async () => {
    const long = { ...base, pipeline: [{ ...base.pipeline[0], steps: 1_000_000, snapshotEvery: 500 }] };
    const { file, out } = workspace(long);
    const controller = new AbortController();
    const { lines, io } = quiet();
    setTimeout(() => controller.abort(), 300);
    expect(await runCommand(file, { out, signal: controller.signal }, io)).toBe(130);
    const table = readParticleTable(join(out, 'trajectories.arrow'));
    expect(table.numRows).toBeGreaterThan(0);
    // Whole snapshot batches only: batches hold 1024 particles, the last one 3000 - 2 * 1024 = 952.
    const metrics0 = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics0.snapshots.length).toBeGreaterThan(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.status).toBe('interrupted');
    expect(metrics.stoppedAt).toMatchObject({ stage: 0, type: 'euler-maruyama' });
    expect(lines.join('\n')).toMatch(/Interrupted after stage 0 \(euler-maruyama\) step \d+, t = /);
  });

  it('stops with the stage, step and t when a particle becomes infinite, keeping what was written', async () => {
    // Euler-Maruyama on dx = -beta/2 x dt is unstable for beta dt > 4: |1 - beta dt / 2| = 2499 per step.
    const unstable = {
      ...base,
      name: 'unstable',
      sde: { type: 'vp', betaMin: 100_000, betaMax: 100_000 },
      source: { type: 'gaussian-mixture', preset: 'double-gaussian' },
      pipeline: [{ type: 'forward', method: 'euler-maruyama', steps: 20, snapshotEvery: 1 }],
    };
    const { file, out } = workspace(unstable);
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(1);
    const message = lines.join('\n');
    expect(message).toMatch(/Stage 'forward' produced a non-finite position \(NaN or infinity\) at step (\d+), t = 0\.\d+/);
    const failedStep = Number(/at step (\d+)/.exec(message)![1]);
    const table = readParticleTable(join(out, 'trajectories.arrow'));
    // Steps 0 .. failedStep - 1 of the first batch were written before the failure.
    expect(table.numRows).toBe(1024 * failedStep);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('failed');
  });
});

describe('scoreflow run with MCMC', () => {
  it('runs chains on a target and writes acceptance, evaluations, bulk ESS and split R-hat', async () => {
    const { dir, file } = workspace({
      name: 'hmc-banana',
      particles: 500,
      source: { type: 'gaussian', std: 1 },
      pipeline: [{ type: 'hmc', target: { type: 'banana' }, warmup: 100, steps: 100, thin: 10 }],
      reference: { type: 'banana' },
      metrics: [{ type: 'moments' }],
      measure: { chains: 32 },
    });
    const out = join(dir, 'out');
    expect(await runCommand(file, { out }, quiet().io)).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    const [stage] = metrics.stages;
    expect(stage.stats.acceptance.mean).toBeGreaterThan(0.6);
    expect(stage.stats.evaluations.mean).toBeGreaterThan(200);
    expect(stage.chains).toMatchObject({ chains: 32, iterations: 10, dim: 2 });
    expect(stage.chains.minEss).toBeGreaterThan(0);
    expect(stage.chains.maxRhat).toBeLessThan(1.2);
    expect(metrics.snapshots.map((snapshot: { step: number }) => snapshot.step)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});

describe('config errors', () => {
  const errorOf = async (config: object, name?: string) => {
    const { file, out } = workspace(config, name);
    const error = await runCommand(file, { out }, quiet().io).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(existsSync(out)).toBe(false); // nothing written
    return error;
  };

  it('names the unknown plugin and the ones that exist', async () => {
    const error = await errorOf({ ...base, pipeline: [{ ...base.pipeline[0], type: 'euler-maruyam' }] });
    expect(error).toBeInstanceOf(ScoreflowError);
    expect(error!.message).toMatch(/pipeline\.0\.type: unknown stage 'euler-maruyam'\. Available stage plugins: .*'euler-maruyama'.*'forward'/);
  });

  it('names the field, the value and the allowed values of a bad option, nested ones too', async () => {
    const error = (await errorOf({ ...base, pipeline: [{ ...base.pipeline[0], steps: 0, score: { type: 'gaussian-mixture', preset: 'triple' } }] })) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/pipeline\.0\.steps: .*>=1.*got 0/);
    const grid = await errorOf({ ...base, pipeline: [{ ...base.pipeline[0], grid: { type: 'log' } }] });
    expect(grid!.message).toMatch(/pipeline\.0\.grid\.type: unknown time-grid 'log'\. Available time-grid plugins: .*'geometric'.*'uniform'/);
    const nested = (await errorOf({ ...base, pipeline: [{ ...base.pipeline[0], score: { type: 'gaussian-mixture', preset: 'triple' } }] })) as ConfigError;
    expect(nested.message).toMatch(/pipeline\.0\.score\.preset: .*"double-gaussian".*got "triple"/);
  });

  it('rejects unknown top-level fields, bad numbers and mismatched dimensions', async () => {
    expect((await errorOf({ ...base, particle: 5 }))!.message).toMatch(/particle/);
    expect((await errorOf({ ...base, particles: 0 }))!.message).toMatch(/particles: .*>=1.*got 0/);
    const source = { type: 'gaussian-mixture', preset: 'double-gaussian' };
    expect((await errorOf({ ...base, dim: 3, source }))!.message).toMatch(/dim: is 3, but the source data source 'gaussian-mixture' makes 2-dimensional particles/);
    expect((await errorOf({ ...base, dim: 3 }))!.message).toMatch(/pipeline\.0\.score/);
  });

  it('reports unreadable files and unparsable YAML or JSON with the file name', async () => {
    await expect(runCommand('/nonexistent/config.yaml', {}, quiet().io)).rejects.toThrow(/^config file not found: \/nonexistent\/config\.yaml$/);
    const { file } = workspace({});
    writeFileSync(file, 'name: [unclosed');
    await expect(runCommand(file, {}, quiet().io)).rejects.toThrow(/Cannot parse .*config\.yaml/);
    const json = workspace(base, 'config.json');
    writeFileSync(json.file, '{"name": ');
    await expect(runCommand(json.file, {}, quiet().io)).rejects.toThrow(/Cannot parse .*config\.json/);
  });
});

describe('scoreflow validate and list', () => {
  it('validates every shipped config', async () => {
    const folder = join(import.meta.dirname, '../../configs');
    const names = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml'));
    expect(names).toEqual(
      expect.arrayContaining([
        'double-gaussian-forward.yaml',
        'double-gaussian-reverse.yaml',
        'eight-gaussians-dpm-solver.yaml',
        'point-cloud-vs-distribution.yaml',
        'random-walk-2d.yaml',
        'mcmc-chain-banana.yaml',
        join('mcmc-vs-diffusion', 'parallel-hmc.yaml'),
      ]),
    );
    // Configs that read a trained network point at a checkpoint of a training not run here: give each entry one.
    const checkpointOf = tinyCheckpoints();
    for (const name of names) {
      const { lines, io } = quiet();
      const slots = checkpointSlots(parse(readFileSync(join(folder, name), 'utf8')));
      const set = await Promise.all(slots.map(async ({ path, kind, dim }) => `${path}.checkpoint=${await checkpointOf(kind, dim)}`));
      expect(validateCommand(join(folder, name), { set }, io)).toBe(0);
      expect(lines[0]).toMatch(/valid( train config)? \((\d stages?, \d metrics, \d+ particles(, \d figures?)?|data .* steps, batch \d+.*)\)/);
    }
  });

  it('reads the CSV given on the command line with --set, for the score and the reference alike', async () => {
    const { dir } = workspace({});
    const csv = join(dir, 'points.csv');
    writeFileSync(csv, 'u,v\n1,2\n-1,0\n0.5,0.5\n2,-1\n');
    const out = join(dir, 'out');
    const config = join(import.meta.dirname, '../../configs/csv-reverse.yaml');
    const set = [`reference.path=${csv}`, 'pipeline.0.score.points=4', 'pipeline.0.steps=20'];
    expect(await runCommand(config, { out, particles: 200, set }, quiet().io)).toBe(0);
    const resolved = JSON.parse(readFileSync(join(out, 'config.resolved.json'), 'utf8'));
    expect(resolved.reference.path).toBe(csv);
    expect(resolved.pipeline[0].score.data.path).toBe(csv);
    expect(resolved.pipeline[0].steps).toBe(20);
  });

  it('rejects a --set without path=value', () => {
    expect(() => validateCommand(join(import.meta.dirname, '../../configs/csv-reverse.yaml'), { set: ['steps'] }, quiet().io)).toThrow(/expected path=value/);
  });

  it('lists every registered plugin with its options and defaults', () => {
    const { lines, io } = quiet();
    listCommand({}, io);
    const text = lines.join('\n');
    for (const plugin of scoreflowRegistry().list()) expect(text).toContain(`  ${plugin.name}: `);
    expect(text).toMatch(/steps: integer >= 1 .*default 500/);
    const json = quiet();
    listCommand({ json: true, kind: 'sde' }, json.io);
    const sdes = JSON.parse(json.lines[0]) as { name: string; options: { name: string; default?: unknown }[] }[];
    expect(sdes.find((sde) => sde.name === 'brownian')?.options.find((option) => option.name === 'g')?.default).toBe(1);
    expect(() => listCommand({ kind: 'sampler' }, quiet().io)).toThrow(/unknown plugin kind 'sampler'. Kinds: .*stage/);
  });
});
