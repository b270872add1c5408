import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';

/** The lock file of an output folder while a command writes into it. */
export const LOCK_FILE = '.scoreflow.lock';

/** What a lock file holds: who writes into the folder. */
export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

/** A held lock; `release` removes the lock file (also done when the process exits). */
export interface FolderLock {
  readonly path: string;
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

type LockState = LockHolder | 'missing' | 'unreadable';

function readHolder(path: string): LockState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(holder.pid)) return { pid: holder.pid as number, command: String(holder.command ?? '?'), since: String(holder.since ?? '?') };
  } catch {
    // below
  }
  return 'unreadable';
}

/** Reads the lock, giving a lock that is being written (created, not yet filled) a moment. */
function readHolderPatiently(path: string): LockState {
  let state = readHolder(path);
  for (let wait = 0; wait < 3 && state === 'unreadable'; wait++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    state = readHolder(path);
  }
  return state;
}

const sameState = (a: LockState, b: LockState): boolean => (typeof a === 'object' && typeof b === 'object' ? a.pid === b.pid && a.since === b.since : a === b);

/** Creates `path` holding `content` only if nothing is there (O_EXCL); false if something is. */
function createExclusive(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Locks the folder `dir` for one writer: creates `.scoreflow.lock` exclusively (O_EXCL) with this
 * process's pid, `command` and the time. A lock whose process is gone (killed, or a power loss) is
 * taken over; a live one is bad input (`ConfigError`, exit code 2) naming its pid, command and since
 * when. The lock file goes on `release()` and when the process exits.
 */
export function lockFolder(dir: string, command: string): FolderLock {
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  const content = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; !createExclusive(path, content); attempt++) {
    const current = readHolderPatiently(path);
    if (typeof current === 'object' && isAlive(current.pid)) {
      throw new ConfigError(`Output folder ${dir} is in use`, [
        {
          path: '--out',
          message: `locked by process ${current.pid} (${current.command}) since ${current.since}; wait for it to finish, or give another --out (the lock is ${path})`,
        },
      ]);
    }
    if (attempt >= 3) throw new ConfigError(`Output folder ${dir} is in use`, [{ path: '--out', message: `cannot take the lock ${path}: other processes keep replacing it` }]);
    // A dead holder, or a lock that is not JSON: take it over, unless it changed meanwhile.
    if (current !== 'missing' && sameState(readHolder(path), current)) rmSync(path, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      const current = readHolder(path);
      if (typeof current === 'object' && current.pid === process.pid && current.since === holder.since) rmSync(path, { force: true });
    } catch {
      // the folder is gone or unreadable: nothing to release
    }
  };
  process.on('exit', release);
  return { path, release };
}
