import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';
import { endlessRunConfig, scoreflowProcess } from '../testing/cli-process.js';

describe('scoreflow run, interrupted by SIGINT', () => {
  it('finishes the current step, closes a readable Arrow file, says where it stopped and exits 130', async () => {
    const { config, out } = endlessRunConfig('sigint');
    const { child, exit, exited, stderr } = scoreflowProcess(['run', config, '--out', out]);
    const trajectories = join(out, 'trajectories.arrow');
    const journal = join(out, 'trajectories.arrows'); // what the run writes as it goes
    // Wait until some snapshots are on disk, then press Ctrl-C.
    const deadline = Date.now() + 30_000;
    while (!exited() && !(existsSync(journal) && statSync(journal).size > 100_000) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(exited()).toBe(false);
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(stderr()).toMatch(/Interrupted after stage 0 \(euler-maruyama\) step \d+, t = [\d.]+; trajectories\.arrow holds every snapshot/);
    const table = readParticleTable(trajectories);
    expect(table.numRows).toBeGreaterThan(0);
    expect(table.numRows % 2000).toBe(0); // whole snapshots of the single 2000-particle batch
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('interrupted');
  });
});
