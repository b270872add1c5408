import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { type OutputClaim, claimOutputFolder } from './claim-output-folder.js';
import { LOCK_FILE } from './folder-lock.js';
import { MANIFEST_FILE, readManifest } from './run-manifest.js';

const folder = () => join(mkdtempSync(join(tmpdir(), 'scoreflow-claim-')), 'out');
const claimOf = (mode: OutputClaim['mode'], files = ['metrics.json', 'trajectories.arrow', 'final.png']): OutputClaim => ({ mode, command: 'scoreflow run test.yaml', files });

/** Runs `claimOutputFolder` and releases the lock at once; returns the error, if any. */
const attempt = (dir: string, claim: OutputClaim): Error | undefined => {
  try {
    claimOutputFolder(dir, claim).release();
    return undefined;
  } catch (error) {
    return error as Error;
  }
};

/** An earlier run's folder: its files, listed in its manifest. */
const earlierRun = (dir: string, files: string[]) => {
  claimOutputFolder(dir, claimOf('fresh', files)).release();
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), `written by scoreflow: ${file}`);
  }
};

describe('claimOutputFolder(dir, claim)', () => {
  it('creates a missing folder, lists the files in the manifest and removes the lock on release', () => {
    const dir = folder();
    const claimed = claimOutputFolder(dir, claimOf('fresh'));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(readManifest(dir)).toEqual({ command: 'scoreflow run test.yaml', files: ['final.png', 'metrics.json', 'trajectories.arrow'] });
    claimed.release();
    expect(readdirSync(dir)).toEqual([MANIFEST_FILE]);
  });

  it('refuses a non-empty folder without --force as bad input (ConfigError) naming the folder and --force', () => {
    const dir = folder();
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const error = attempt(dir, claimOf('fresh'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain(`Output folder ${dir} is not empty`);
    expect(error?.message).toMatch(/holds notes\.txt; pass --force/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('with --force removes every file of the earlier run listed in its manifest, figures it does not write again too, and nothing else', () => {
    const dir = folder();
    earlierRun(dir, ['metrics.json', 'trajectories.arrow', 'old-figure.png', 'checkpoint/model.json']);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    claimOutputFolder(dir, claimOf('replace')).release();
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, 'notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('with --force refuses (ConfigError) files it did not write where it would write, and removes nothing', () => {
    const dir = folder();
    earlierRun(dir, ['trajectories.arrow', 'old-figure.png']);
    writeFileSync(join(dir, 'metrics.json'), 'a file of the user');
    const error = attempt(dir, claimOf('replace'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain(`${join(dir, 'metrics.json')}: was not written by scoreflow; this command writes it`);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, 'metrics.json', 'old-figure.png', 'trajectories.arrow']);
  });

  it('never follows a symbolic link: a link where it would write is refused, even when the manifest lists the name', () => {
    const dir = folder();
    earlierRun(dir, ['metrics.json', 'trajectories.arrow']);
    const outside = join(dir, '..', 'outside.json');
    writeFileSync(outside, 'outside the folder');
    rmSync(join(dir, 'metrics.json'));
    symlinkSync(outside, join(dir, 'metrics.json'));
    const error = attempt(dir, claimOf('replace'));
    expect(error?.message).toContain(`${join(dir, 'metrics.json')}: is a symbolic link (to ${outside}); this command writes it`);
    expect(readFileSync(outside, 'utf8')).toBe('outside the folder');
    expect(existsSync(join(dir, 'trajectories.arrow'))).toBe(true);
  });

  it("refuses a folder of the earlier run that holds a user's file (checkpoint/my-model.pt)", () => {
    const dir = folder();
    earlierRun(dir, ['checkpoint/model.json', 'checkpoint/weights.bin']);
    writeFileSync(join(dir, 'checkpoint', 'my-model.pt'), 'mine');
    mkdirSync(join(dir, 'checkpoint.old'));
    writeFileSync(join(dir, 'checkpoint.old', 'x'), 'mine too');
    const error = attempt(dir, claimOf('replace', ['checkpoint/model.json', 'checkpoint/weights.bin', 'checkpoint.old/model.json']));
    expect(error?.message).toContain(`${join(dir, 'checkpoint')}: holds my-model.pt, which was not written by scoreflow; this command writes into it`);
    expect(error?.message).toContain(`${join(dir, 'checkpoint.old')}: is a folder scoreflow did not write`);
    expect(readdirSync(join(dir, 'checkpoint')).sort()).toEqual(['model.json', 'my-model.pt', 'weights.bin']);
  });

  it('with --resume keeps the earlier files and lists both in the manifest', () => {
    const dir = folder();
    earlierRun(dir, ['checkpoint/model.json', 'loss.csv']);
    claimOutputFolder(dir, claimOf('continue', ['loss.csv', 'metrics.json'])).release();
    expect(readFileSync(join(dir, 'loss.csv'), 'utf8')).toBe('written by scoreflow: loss.csv');
    expect(readManifest(dir)?.files).toEqual(['checkpoint/model.json', 'loss.csv', 'metrics.json']);
  });

  it('ignores manifest entries that leave the folder', () => {
    const dir = folder();
    mkdirSync(dir);
    const outside = join(dir, '..', 'victim.txt');
    writeFileSync(outside, 'keep');
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ command: 'forged', files: ['../victim.txt', '/etc/passwd', 'a/../../victim.txt'] }));
    claimOutputFolder(dir, claimOf('replace')).release();
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });
});
