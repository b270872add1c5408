import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, idsOf, positionsOf, stepsOf } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { hasPyarrow, withPyarrow } from '../testing/pyarrow.js';
import { runCommand } from './commands.js';
import { trainCommand } from './train-command.js';

const small = {
  name: 'small',
  seed: 5,
  particles: 300,
  batchSize: 128,
  sde: { type: 'brownian', T: 4 },
  source: { type: 'prior' },
  pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 6, snapshotEvery: 3 }],
};

const withFigure = { ...small, figures: [{ type: 'snapshot', file: 'final.png' }] };

const rejection = (promise: Promise<number>): Promise<Error> =>
  promise.then(
    (code) => {
      throw new Error(`expected a rejection, got exit code ${code}`);
    },
    (error: Error) => error,
  );

describe('scoreflow run: the output folder', () => {
  it('refuses a non-empty folder without --force as bad input (ConfigError: exit code 2), touching nothing', async () => {
    const { file, out } = configWorkspace(small);
    expect(await runCommand(file, { out }, quietIo().io)).toBe(0);
    const before = readFileSync(join(out, 'trajectories.arrow'));
    const error = await rejection(runCommand(file, { out, seed: 9 }, quietIo().io));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/is not empty:\n\s+- --out: .* holds .*; pass --force/);
    expect(readFileSync(join(out, 'trajectories.arrow')).equals(before)).toBe(true);
  });

  it('with --force replaces the earlier run, figures it listed included, and keeps files scoreflow did not write', async () => {
    const { file, out } = configWorkspace(withFigure);
    expect(await runCommand(file, { out }, quietIo().io)).toBe(0);
    expect(existsSync(join(out, 'final.png'))).toBe(true);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const { file: plain } = configWorkspace(small);
    expect(await runCommand(plain, { out, force: true }, quietIo().io)).toBe(0);
    expect(existsSync(join(out, 'final.png'))).toBe(false);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(out).sort()).toEqual(['.scoreflow-manifest.json', 'config.resolved.json', 'metrics.json', 'notes.txt', 'trajectories.arrow']);
  });

  it('with --force never writes through symbolic links to files outside the folder: it refuses them and names them', async () => {
    const { dir, file, out } = configWorkspace(small);
    mkdirSync(out);
    writeFileSync(join(dir, 'precious.json'), 'precious');
    writeFileSync(join(dir, 'precious.arrow'), 'precious');
    symlinkSync(join(dir, 'precious.json'), join(out, 'metrics.json'));
    symlinkSync(join(dir, 'precious.arrow'), join(out, 'trajectories.arrow'));
    const error = await rejection(runCommand(file, { out, force: true }, quietIo().io));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`${join(out, 'metrics.json')}: is a symbolic link (to ${join(dir, 'precious.json')})`);
    expect(error.message).toContain(`${join(out, 'trajectories.arrow')}: is a symbolic link`);
    expect(readFileSync(join(dir, 'precious.json'), 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'precious.arrow'), 'utf8')).toBe('precious');
  });

  it('refuses a second run into a folder that a running one holds, naming it; the first finishes', async () => {
    const { file, out } = configWorkspace({ ...small, pipeline: [{ ...small.pipeline[0], steps: 1_000_000, snapshotEvery: 100_000 }] });
    const controller = new AbortController();
    const first = runCommand(file, { out, signal: controller.signal }, quietIo().io);
    while (!existsSync(join(out, 'trajectories.arrows'))) await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await rejection(runCommand(file, { out, force: true }, quietIo().io));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(new RegExp(`--out: locked by process ${process.pid} \\(scoreflow run .*config\\.yaml\\) since`));
    controller.abort();
    expect(await first).toBe(130);
    expect(readParticleTable(join(out, 'trajectories.arrow')).numRows).toBeGreaterThan(0);
  });

  it('--format parquet writes trajectories.parquet, row group by row group, holding the rows of the Arrow file', async () => {
    const { dir, file } = configWorkspace(small);
    const arrowOut = join(dir, 'arrow');
    const parquetOut = join(dir, 'parquet');
    expect(await runCommand(file, { out: arrowOut }, quietIo().io)).toBe(0);
    expect(await runCommand(file, { out: parquetOut, format: 'parquet' }, quietIo().io)).toBe(0);
    expect(readdirSync(parquetOut)).not.toContain('trajectories.arrow');
    expect(JSON.parse(readFileSync(join(parquetOut, 'metrics.json'), 'utf8')).particleFile).toBe('trajectories.parquet');
    const arrow = readParticleTable(join(arrowOut, 'trajectories.arrow'));
    // An independent reader: hyparquet.
    const parquet = await asyncBufferFromFile(join(parquetOut, 'trajectories.parquet'));
    const metadata = await parquetMetadataAsync(parquet);
    expect(Number(metadata.num_rows)).toBe(arrow.numRows);
    expect(metadata.key_value_metadata).toEqual(expect.arrayContaining([{ key: 'run', value: 'small' }, { key: 'seed', value: '5' }, { key: 'dim', value: '2' }]));
    const rows = (await parquetReadObjects({ file: parquet })) as { id: number; step: number; x: number[] }[];
    expect(Object.keys(rows[0])).toEqual(arrow.schema.fields.map((field) => field.name));
    const expected = arrow.batches.flatMap((batch) => {
      const ids = idsOf(batch);
      const steps = stepsOf(batch);
      const x = positionsOf(batch);
      return [...ids].map((id, i) => ({ id, step: steps[i], x: [x[2 * i], x[2 * i + 1]] }));
    });
    expect(rows.map(({ id, step, x }) => ({ id, step, x }))).toEqual(expected);
    if (hasPyarrow()) {
      const python = withPyarrow(`import json\nt = pq.read_table(${JSON.stringify(join(parquetOut, 'trajectories.parquet'))})\nprint(json.dumps([t.num_rows, t.column('x')[0].as_py()]))`);
      expect(JSON.parse(python)).toEqual([arrow.numRows, expected[0].x]);
    }
  });
});

describe('scoreflow train: the output folder', () => {
  const tiny = {
    name: 'tiny-train',
    backend: 'wasm',
    data: { type: 'gaussian-mixture', preset: 'double-gaussian' },
    sde: { type: 'vp' },
    network: { width: 8, depth: 1 },
    training: { steps: 3, batchSize: 32, poolSize: 128, warmup: 1, checkpointEvery: 2, workers: 0 },
    scoreError: { particles: 16 },
  };

  it("with --force refuses the user's checkpoint/my-model.pt, checkpoint.old/, checkpoint.tmp/ and loss.csv, and deletes none of them", async () => {
    const { file, out } = configWorkspace(tiny);
    for (const folder of ['checkpoint', 'checkpoint.old', 'checkpoint.tmp']) mkdirSync(join(out, folder), { recursive: true });
    writeFileSync(join(out, 'checkpoint', 'my-model.pt'), 'weights of mine');
    writeFileSync(join(out, 'checkpoint.old', 'model.json'), '{}');
    writeFileSync(join(out, 'loss.csv'), 'my,own,loss\n');
    const error = await rejection(trainCommand(file, { out, force: true }, quietIo().io));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`${join(out, 'checkpoint')}: is a folder scoreflow did not write`);
    expect(error.message).toContain(`${join(out, 'loss.csv')}: was not written by scoreflow`);
    expect(readFileSync(join(out, 'checkpoint', 'my-model.pt'), 'utf8')).toBe('weights of mine');
    expect(readdirSync(out).sort()).toEqual(['checkpoint', 'checkpoint.old', 'checkpoint.tmp', 'loss.csv']);
    expect(readFileSync(join(out, 'loss.csv'), 'utf8')).toBe('my,own,loss\n');
  });

  it('with --force replaces its own earlier training, and keeps a file it did not write', async () => {
    const { file, out } = configWorkspace(tiny);
    expect(await trainCommand(file, { out }, quietIo().io)).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(await trainCommand(file, { out, force: true, seed: 4 }, quietIo().io)).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('completed');
    expect(readdirSync(out)).not.toContain('.scoreflow.lock');
  });
});
