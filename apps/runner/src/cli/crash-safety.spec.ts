import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stepsOf } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';
import { quietIo } from '../testing/cli-harness.js';
import { endlessRunConfig, scoreflowProcess } from '../testing/cli-process.js';
import { hasPyarrow, withPyarrow } from '../testing/pyarrow.js';
import { runCommand } from './commands.js';

async function waitFor(condition: () => boolean, what: string, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (gaveUp() || Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('scoreflow run, killed with SIGKILL, and a second run into its folder', () => {
  it('leaves a journal of whole snapshots and a current metrics.json; a second run meanwhile exits 2 naming the holder; a later --force run takes the stale lock', async () => {
    const { config, out } = endlessRunConfig('killed');
    const first = scoreflowProcess(['run', config, '--out', out]);
    const journal = join(out, 'trajectories.arrows');
    await waitFor(() => existsSync(journal) && statSync(journal).size > 100_000 && existsSync(join(out, 'metrics.json')), 'snapshots on disk', first.exited);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // metrics.json is rewritten at most once a second

    // A second run into the same folder, --force or not, while the first writes: bad input (exit 2), naming the holder.
    const second = scoreflowProcess(['run', config, '--out', out, '--force', '--set', 'pipeline.0.steps=5']);
    expect(await second.exit).toBe(2);
    expect(second.stderr()).toMatch(new RegExp(`locked by process ${first.child.pid} \\(scoreflow run ${escaped(config)}\\) since \\d{4}-`));
    expect(first.exited()).toBe(false);

    first.child.kill('SIGKILL');
    expect(await first.exit).toBe(null);
    // What a kill (or a power loss) leaves: the journal (Arrow IPC stream) of whole snapshots, and no footerless file.
    expect(existsSync(join(out, 'trajectories.arrow'))).toBe(false);
    const table = readParticleTable(journal);
    expect(table.numRows).toBeGreaterThan(0);
    expect(table.numRows % 2000).toBe(0);
    const steps = new Set(table.batches.flatMap((batch) => [...stepsOf(batch)]));
    expect(steps.has(0) && steps.has(1000)).toBe(true);
    // And a second, independent reader where there is one here.
    if (hasPyarrow()) expect(Number(withPyarrow(`print(ipc.open_stream(${JSON.stringify(journal)}).read_all().num_rows)`))).toBe(table.numRows);
    const status = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(status).toMatchObject({ run: 'killed', status: 'running', particleFile: 'trajectories.arrows' });
    expect(status.snapshotsWritten).toBeGreaterThan(0);

    // The killed run's lock is stale: a run with --force takes it and replaces the killed run's files.
    expect(await runCommand(config, { out, force: true, set: ['pipeline.0.steps=5', 'pipeline.0.snapshotEvery=5'] }, quietIo().io)).toBe(0);
    expect(existsSync(journal)).toBe(false);
    expect(readParticleTable(join(out, 'trajectories.arrow')).numRows).toBe(2 * 2000);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('completed');
    expect(existsSync(join(out, '.scoreflow.lock'))).toBe(false);
  }, 120_000);
});
