import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idsOf, positionsOf, stagesOf, stepsOf } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { doubleGaussian, priorRun } from '../testing/prior-run.js';
import type { ProgressReporter } from '../progress/progress-reporter.js';

/** A progress reporter that keeps every call. */
function recordingProgress() {
  const calls = { total: -1, updates: [] as { done: number; label: string }[] };
  const progress: ProgressReporter = {
    start: (total) => (calls.total = total),
    update: (done, label) => calls.updates.push({ done, label }),
    stop: () => undefined,
  };
  return { calls, progress };
}

// Three batches (1024, 1024, 952 particles) through a reverse SDE, then MCMC chains with warm-up.
const twoStages = priorRun('two-stages', 5, 3000, 1024, [
  { type: 'euler-maruyama', score: doubleGaussian, steps: 60, snapshotEvery: 20 },
  { type: 'random-walk-metropolis', target: doubleGaussian, warmup: 30, steps: 20, thin: 10, includeWarmup: true },
]);

/** The (stage, step) pairs of a particle file with the number of rows of each. */
function snapshotRows(path: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const batch of readParticleTable(path).batches) {
    const stages = stagesOf(batch)!;
    const steps = stepsOf(batch);
    for (let i = 0; i < batch.numRows; i++) rows.set(`${stages[i]}/${steps[i]}`, (rows.get(`${stages[i]}/${steps[i]}`) ?? 0) + 1);
  }
  return rows;
}

describe('scoreflow run: progress, snapshots and stages of the whole population', () => {
  it('reports progress that only goes forward, over every batch and stage, warm-up included, numbering stages from 0', async () => {
    const { dir, file } = configWorkspace(twoStages);
    const { calls, progress } = recordingProgress();
    const { lines, io } = quietIo();
    expect(await runCommand(file, { out: join(dir, 'out') }, { ...io, progress })).toBe(0);
    expect(calls.total).toBe(3000 * 60 + 3000 * (30 + 20));
    const done = calls.updates.map((update) => update.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(calls.total);
    // The step shown is the population's, per stage: it never goes backward and ends at the last step.
    const shown = new Map<string, number[]>();
    for (const { label } of calls.updates) {
      const [, stage, what, count] = /^stage (\d) \((?:euler-maruyama|random-walk-metropolis)\) (step|iteration|warm-up) (\d+)\/\d+$/.exec(label)!;
      const iterations = Number(count) + (what === 'iteration' ? twoStages.pipeline[1].warmup! : 0);
      shown.set(stage, [...(shown.get(stage) ?? []), iterations]);
    }
    expect([...shown.keys()]).toEqual(['0', '1']);
    for (const values of shown.values()) expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(calls.updates.filter((update) => update.label.startsWith('stage 0')).at(-1)!.label).toBe('stage 0 (euler-maruyama) step 60/60');
    expect(calls.updates.at(-1)!.label).toBe('stage 1 (random-walk-metropolis) iteration 20/20');
    // The summary counts snapshots, not batches, and numbers stages from 0 as the config does.
    const summary = lines.join('\n');
    const rows = snapshotRows(join(dir, 'out', 'trajectories.arrow'));
    expect(summary).toContain(`two-stages: completed, 3000 particles, ${rows.size} snapshots`);
    expect(summary).toMatch(/│ 0 +│ euler-maruyama +│/);
    expect(summary).toMatch(/│ 1 +│ random-walk-metropolis +│/);
  });

  it('writes the stage (index from 0 and name) of every row, each (stage, step) snapshot holding the whole population', async () => {
    const { file, out } = configWorkspace(twoStages);
    expect(await runCommand(file, { out }, quietIo().io)).toBe(0);
    const table = readParticleTable(join(out, 'trajectories.arrow'));
    expect(table.schema.fields.slice(0, 4).map((field) => `${field.name}:${field.type}`)).toEqual([
      'id:Uint32',
      'stage:Int32',
      'stage_name:Dictionary<Int32, Utf8>',
      'step:Int32',
    ]);
    const rows = snapshotRows(join(out, 'trajectories.arrow'));
    // Stage 0: steps 0, 20, 40, 60; stage 1 (includeWarmup, thin 10): -30, -20, -10, 0, 10, 20.
    expect([...rows.keys()]).toEqual(['0/0', '0/20', '0/40', '0/60', '1/-30', '1/-20', '1/-10', '1/0', '1/10', '1/20']);
    expect(new Set(rows.values())).toEqual(new Set([3000]));
    const names = new Map<number, string>();
    const stage = table.getChild('stage')!;
    const stageName = table.getChild('stage_name')!;
    for (let i = 0; i < table.numRows; i += 997) names.set(stage.get(i)!, stageName.get(i)!);
    expect(Object.fromEntries(names)).toEqual({ 0: 'euler-maruyama', 1: 'random-walk-metropolis' });
  });

  it('numbers the source of an empty pipeline stage 0, named source', async () => {
    const { file, out } = configWorkspace({ name: 'source-only', particles: 2500, batchSize: 1024, source: { type: 'gaussian-mixture', preset: 'double-gaussian' }, pipeline: [] });
    const { lines, io } = quietIo();
    expect(await runCommand(file, { out }, io)).toBe(0);
    const table = readParticleTable(join(out, 'trajectories.arrow'));
    expect(table.numRows).toBe(2500);
    expect(new Set(table.getChild('stage')!.toArray())).toEqual(new Set([0]));
    expect(table.getChild('stage_name')!.get(0)).toBe('source');
    expect(lines.join('\n')).toContain('source-only: completed, 2500 particles, 1 snapshot');
  });

  it('writes a particle file that reads back as an arrow data source, stage columns and all', async () => {
    const { dir, file } = configWorkspace({ ...twoStages, pipeline: twoStages.pipeline.slice(0, 1) });
    const first = join(dir, 'first');
    expect(await runCommand(file, { out: first }, quietIo().io)).toBe(0);
    const again = configWorkspace({ name: 'read-back', particles: 3000, source: { type: 'arrow', path: join(first, 'trajectories.arrow') }, pipeline: [] });
    const out = join(again.dir, 'out');
    expect(await runCommand(again.file, { out }, quietIo().io)).toBe(0);
    // The last snapshot (step 60) of the first run, as the source of the second.
    const read = readParticleTable(join(out, 'trajectories.arrow'));
    const written = readParticleTable(join(first, 'trajectories.arrow'));
    const last = written.batches.filter((batch) => stepsOf(batch)[0] === 60);
    expect(positionsOf(read.batches[0]).subarray(0, 8)).toEqual(positionsOf(last[0]).subarray(0, 8));
    expect(read.numRows).toBe(3000);
  });

  it('stops with exit code 1 when the source makes non-finite particles, naming the source, before writing them', async () => {
    // g = 1e39: the prior's standard deviation g sqrt(T) overflows Float32.
    const { file, out } = configWorkspace({ ...twoStages, name: 'infinite-prior', sde: { type: 'brownian', g: 1e39, T: 20 } });
    const { lines, io } = quietIo();
    expect(await runCommand(file, { out }, io)).toBe(1);
    expect(lines.join('\n')).toMatch(/Source 'prior' produced a non-finite position \(NaN or infinity\) at step 0, t = 20, particle id \d+/);
    const path = join(out, 'trajectories.arrow');
    const written = existsSync(path) ? readParticleTable(path).batches : [];
    for (const batch of written) expect(positionsOf(batch).every(Number.isFinite)).toBe(true);
    expect(written.reduce((n, batch) => n + idsOf(batch).length, 0)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('failed');
  });
});
