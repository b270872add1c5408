import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult } from '../measure.js';

const root = resolve(import.meta.dirname, '../../../..');

/**
 * Peak resident memory of the real CLI (the bundle `npm run scoreflow` runs) streaming 1,000,000 particles through the reverse SDE into
 * an Arrow file (three snapshots of every particle), measured in its own process.
 */
export function streamMemory(): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-bench-'));
  try {
    const config = join(dir, 'config.json');
    const rssFile = join(dir, 'rss.json');
    writeFileSync(
      config,
      JSON.stringify({
        name: 'bench-stream',
        particles: 1_000_000,
        sde: { type: 'brownian', g: 1, T: 100 },
        source: { type: 'prior' },
        pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 50, spacing: 'geometric', snapshotEvery: 25 }],
        reference: { type: 'gaussian-mixture', preset: 'double-gaussian' },
        metrics: [{ type: 'sliced-wasserstein' }, { type: 'moments' }],
      }),
    );
    const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@scoreflow/runner'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the runner failed: ${build.stderr}`);
    const scoreflow = (args: string[]) => {
      const child = spawnSync(process.execPath, ['--import', join(import.meta.dirname, '../report-rss.mjs'), 'apps/runner/dist/scoreflow.mjs', ...args], {
        cwd: root,
        env: { ...process.env, SCOREFLOW_RSS_FILE: rssFile },
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`scoreflow ${args[0]} failed (${child.status}): ${child.stderr}`);
      return (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number }).maxRssBytes;
    };
    const baseline = scoreflow(['list']);
    const started = performance.now();
    const maxRssBytes = scoreflow(['run', config, '--out', join(dir, 'out')]);
    const seconds = (performance.now() - started) / 1000;
    return {
      bench: 'streamed run, peak memory',
      description: '`scoreflow run`: 1,000,000 2-D particles, 50 reverse steps, 3 snapshots written, in its own process',
      values: [
        { name: 'peak resident memory', value: maxRssBytes / 1e6, unit: 'MB', target: '< 200' },
        { name: 'peak resident memory of `scoreflow list` (Node and the modules)', value: baseline / 1e6, unit: 'MB' },
        { name: 'wall time of the whole run', value: seconds, unit: 's' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
