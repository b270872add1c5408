import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readParticleTable } from '@scoreflow/core/node';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

describe('scoreflow run, interrupted by SIGINT', () => {
  it('finishes the current step, closes a readable Arrow file, says where it stopped and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoreflow-sigint-'));
    const config = join(dir, 'config.json');
    const out = join(dir, 'out');
    writeFileSync(
      config,
      JSON.stringify({
        name: 'sigint',
        particles: 2000,
        sde: { type: 'brownian', T: 10 },
        source: { type: 'prior' },
        pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 1_000_000, snapshotEvery: 1000 }],
      }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=development', 'apps/runner/src/main.ts', 'run', config, '--out', out], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited = false;
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    void exit.then(() => (exited = true));
    const trajectories = join(out, 'trajectories.arrow');
    // Wait until some snapshots are on disk, then press Ctrl-C.
    const deadline = Date.now() + 30_000;
    while (!exited && !(existsSync(trajectories) && statSync(trajectories).size > 100_000) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(exited).toBe(false);
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(stderr).toMatch(/Interrupted after stage 0 \(euler-maruyama\) step \d+, t = [\d.]+; trajectories\.arrow holds every snapshot/);
    const table = readParticleTable(trajectories);
    expect(table.numRows).toBeGreaterThan(0);
    expect(table.numRows % 2000).toBe(0); // whole snapshots of the single 2000-particle batch
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).status).toBe('interrupted');
  });
});
