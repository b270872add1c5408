import { spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltCli } from './testing/built-cli.js';
import { configWorkspace } from './testing/cli-harness.js';
import { tinyCheckpoint } from './testing/tiny-checkpoint.js';

/**
 * Preloaded into the CLI's process: `path.resolve` throws a TypeError for a path holding
 * `planted-bug`, as a bug in the runner would (the CLI resolves `--out` with it).
 */
const PLANT_A_BUG = `
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
const resolve = path.resolve;
path.resolve = (...parts) => {
  if (parts.some((part) => String(part).includes('planted-bug'))) throw new TypeError('planted bug');
  return resolve(...parts);
};
syncBuiltinESMExports();
`;

/** Runs the built CLI with `args` (after node's own `nodeArgs`): its exit code and stderr. */
async function run(entry: string, args: readonly string[], nodeArgs: readonly string[] = []): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  return { code, stderr };
}

/** A line of a stack trace (`    at f (file:1:2)`). */
const STACK_LINE = /^\s+at /m;

describe('the scoreflow entry (main.ts), bundled: errors', () => {
  const cli = useBuiltCli();

  it('prints a checkpoint that cannot be loaded as an error naming it, exit 2, no stack', async () => {
    const checkpoint = await tinyCheckpoint();
    truncateSync(join(checkpoint, 'weights.bin'), 8);
    const { dir, file } = configWorkspace({
      name: 'bad-checkpoint',
      particles: 50,
      sde: { type: 'vp' },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'network', checkpoint, backend: 'wasm', workers: 0 }, steps: 5 }],
    });
    const { code, stderr } = await run(cli(), ['run', file, '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: run failed .*\n {2}- pipeline\.0\.score\.checkpoint: cannot load .*cut short/m);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('shows a bug (an error outside the family) with its stack, exit 1', async () => {
    const { dir, file } = configWorkspace({ name: 'bug', particles: 10, sde: { type: 'brownian' }, source: { type: 'prior' }, pipeline: [{ type: 'forward', steps: 2 }] });
    const probe = join(dir, 'plant-a-bug.mjs');
    writeFileSync(probe, PLANT_A_BUG);
    const { code, stderr } = await run(cli(), ['run', file, '--out', join(dir, 'planted-bug')], ['--import', probe]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TypeError: planted bug\n\s+at /);
    expect(stderr).not.toMatch(/^error: /m);
  });
});
