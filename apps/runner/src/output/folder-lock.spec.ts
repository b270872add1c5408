import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockFolder } from './folder-lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'scoreflow-lock-'));

describe('lockFolder(dir, command)', () => {
  it('writes the pid, the command and the time into the lock file, and removes it on release', () => {
    const dir = folder();
    const lock = lockFolder(dir, 'scoreflow run a.yaml');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'scoreflow run a.yaml', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second lock while the first is held (ConfigError naming the holder), and gives it once released', () => {
    const dir = folder();
    const first = lockFolder(dir, 'scoreflow run a.yaml');
    let error: unknown;
    try {
      lockFolder(dir, 'scoreflow run b.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`--out: locked by process ${process.pid} \\(scoreflow run a\\.yaml\\) since \\d{4}-`));
    first.release();
    lockFolder(dir, 'scoreflow run b.yaml').release();
  });

  it('takes over the lock of a process that is gone (killed before it could remove it)', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout.trim());
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, command: 'scoreflow run killed.yaml', since: '2026-01-01T00:00:00.000Z' }));
    const lock = lockFolder(dir, 'scoreflow run next.yaml');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
