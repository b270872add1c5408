// `npx scoreflow` right after `npm ci`: npm links a workspace's bin only when its file exists at
// install time, so the bin is a committed launcher that bundles the CLI when it is missing or stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const RUNNER = resolve(import.meta.dirname, '..');
const ROOT = resolve(RUNNER, '../..');

interface BuildModule {
  build(outdir?: string): Promise<void>;
  staleness(outdir?: string): string | undefined;
  META_FILE: string;
}
// A plain-JavaScript module (it runs before anything is built), imported by path.
const bundle = (await import(join(RUNNER, 'build.mjs'))) as BuildModule;

describe('the scoreflow bin', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'scoreflow-launcher-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is a committed, executable file, so npm ci links it before anything is built', () => {
    const manifest = JSON.parse(readFileSync(join(RUNNER, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = manifest.bin.scoreflow;
    expect(bin).toBeDefined();
    const staged = execFileSync('git', ['ls-files', '--stage', '--', bin], { cwd: RUNNER, encoding: 'utf8' });
    // `100755 <sha> 0\tapps/runner/bin/scoreflow.mjs`: tracked (not in the git-ignored dist/) and executable.
    expect(staged, `${bin} is not tracked by git`).toMatch(/^100755 /);
  });

  it('staleness(outdir) names what is missing, then nothing after build(outdir), then a changed input or a lost chunk', async () => {
    const outdir = join(scratch, 'dist');
    expect(bundle.staleness(outdir)).toMatch(/scoreflow\.mjs is missing$/);
    await bundle.build(outdir);
    expect(bundle.staleness(outdir)).toBeUndefined();
    // As if every input had been edited after the build began.
    const metaFile = join(outdir, bundle.META_FILE);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { startedAt: number; chunks: string[]; inputs: string[] };
    expect(meta.inputs).toContain('src/main.ts');
    writeFileSync(metaFile, JSON.stringify({ ...meta, startedAt: 0 }));
    expect(bundle.staleness(outdir)).toMatch(/ changed$/);
    // A chunk the entries import, gone.
    writeFileSync(metaFile, JSON.stringify(meta));
    expect(bundle.staleness(outdir)).toBeUndefined();
    expect(meta.chunks.length).toBeGreaterThan(0);
    rmSync(join(outdir, meta.chunks[0]));
    expect(bundle.staleness(outdir)).toBe(`${join(outdir, meta.chunks[0])} is missing`);
  });

  it('build(outdir) keeps the previous build\'s chunks (a CLI starting from its entry imports them) and drops older ones', async () => {
    const outdir = join(scratch, 'generations');
    await bundle.build(outdir);
    const metaFile = join(outdir, bundle.META_FILE);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { chunks: string[] };
    // As if the last build had written chunk-PREVIOUS and an earlier one chunk-OLDER.
    for (const chunk of ['chunk-PREVIOUS.mjs', 'chunk-OLDER.mjs']) writeFileSync(join(outdir, chunk), '');
    writeFileSync(metaFile, JSON.stringify({ ...meta, chunks: ['chunk-PREVIOUS.mjs'] }));
    await bundle.build(outdir);
    expect(existsSync(join(outdir, 'chunk-PREVIOUS.mjs'))).toBe(true);
    expect(existsSync(join(outdir, 'chunk-OLDER.mjs'))).toBe(false);
    await bundle.build(outdir);
    expect(existsSync(join(outdir, 'chunk-PREVIOUS.mjs'))).toBe(false);
    expect(meta.chunks.every((chunk) => existsSync(join(outdir, chunk)))).toBe(true);
  });

  it('runs through npx from the workspace root', () => {
    const help = spawnSync('npx', ['--no-install', 'scoreflow', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: scoreflow /);
    const validate = spawnSync('npx', ['--no-install', 'scoreflow', 'validate', 'apps/runner/configs/double-gaussian-reverse.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(validate.status, validate.stderr).toBe(0);
  });
});
