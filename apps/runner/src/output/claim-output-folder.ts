import { type Stats, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ConfigIssue } from '@scoreflow/core';
import { type FolderLock, LOCK_FILE, lockFolder } from './folder-lock.js';
import { writeJsonAtomic } from './output-folder.js';
import { MANIFEST_FILE, readManifest } from './run-manifest.js';

/**
 * How a command takes its output folder: `fresh` (missing or empty), `replace` (`--force`: the
 * files of an earlier scoreflow run go, nothing else), or `continue` (`--resume`: keeps them).
 */
export type ClaimMode = 'fresh' | 'replace' | 'continue';

/** What `claimOutputFolder` needs to know. */
export interface OutputClaim {
  readonly mode: ClaimMode;
  /** The command, for the lock and the manifest (`scoreflow run config.yaml`). */
  readonly command: string;
  /** Every path, relative to the folder, that the command may write (temporary files too). */
  readonly files: readonly string[];
}

/** A claimed output folder: locked, and its manifest lists what the command writes. */
export interface OutputFolder {
  readonly dir: string;
  /** Removes the lock. */
  release(): void;
}

const RESERVED = new Set([LOCK_FILE, MANIFEST_FILE, `${MANIFEST_FILE}.tmp`]);

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** Why scoreflow may not touch `path` (relative to `dir`): the first part of it scoreflow did not write, or undefined. */
function foreignPart(dir: string, path: string, owned: ReadonlySet<string>): { path: string; why: string } | undefined {
  const full = join(dir, path);
  const stats = lstatSync(full);
  if (stats.isSymbolicLink()) return { path, why: `is a symbolic link (to ${readlinkSync(full)})` };
  if (stats.isFile()) return owned.has(path) ? undefined : { path, why: 'was not written by scoreflow' };
  if (!stats.isDirectory()) return { path, why: 'is not a plain file or folder' };
  if (![...owned].some((file) => file.startsWith(`${path}/`))) return { path, why: 'is a folder scoreflow did not write' };
  for (const child of readdirSync(full)) {
    const foreign = foreignPart(dir, `${path}/${child}`, owned);
    if (foreign !== undefined) return foreign;
  }
  return undefined;
}

/** Removes what scoreflow wrote (`foreignPart` found nothing else): its files, then its emptied folders. */
function removeOwned(path: string): void {
  const stats = lstatSync(path);
  if (stats.isDirectory()) {
    for (const child of readdirSync(path)) removeOwned(join(path, child));
    rmdirSync(path);
  } else {
    rmSync(path);
  }
}

const listed = (names: readonly string[]): string => {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
};

/**
 * Takes the output folder `dir` for a command (creating it when missing) and locks it
 * (`lockFolder`: a second command into the same folder is refused, exit code 2). Then, by `mode`:
 * - `fresh`: the folder must be empty; else a `ConfigError` that names it and `--force`.
 * - `replace`: the files an earlier scoreflow command listed in its manifest
 *   (`.scoreflow-manifest.json`) are removed, whether this command writes them again or not;
 *   anything else stays. A file scoreflow did not write (or a symbolic link) where this command
 *   would write is a `ConfigError` naming it, and nothing is removed.
 * - `continue`: as `replace`, but nothing is removed.
 * Finally the manifest lists `files`. Nothing is written or removed before every check passed.
 */
export function claimOutputFolder(dir: string, claim: OutputClaim): OutputFolder {
  const existing = lstatOrUndefined(dir);
  if (existing !== undefined && !statSync(dir).isDirectory()) {
    throw new ConfigError('Cannot write the output', [{ path: '--out', message: `${dir} exists and is not a folder; give a folder` }]);
  }
  mkdirSync(dir, { recursive: true });
  const lock: FolderLock = lockFolder(dir, claim.command);
  try {
    const entries = readdirSync(dir).filter((name) => name !== LOCK_FILE).sort();
    if (claim.mode === 'fresh' && entries.length > 0) {
      throw new ConfigError(`Output folder ${dir} is not empty`, [
        {
          path: '--out',
          message: `${dir} holds ${listed(entries)}; pass --force to replace what an earlier scoreflow run wrote there (nothing else is touched), or give another --out`,
        },
      ]);
    }
    const manifest = readManifest(dir);
    const owned = new Set(manifest?.files ?? []);
    const wanted = new Set(claim.files.map((file) => file.split('/')[0]));
    const remove: string[] = [];
    const issues: ConfigIssue[] = [];
    for (const name of entries.filter((entry) => !RESERVED.has(entry))) {
      const foreign = foreignPart(dir, name, owned);
      if (foreign === undefined) remove.push(name);
      else if (wanted.has(name)) {
        const message = foreign.path === name ? `${foreign.why}; this command writes it` : `holds ${foreign.path.slice(name.length + 1)}, which ${foreign.why}; this command writes into it`;
        issues.push({ path: join(dir, name), message });
      }
    }
    if (issues.length > 0) {
      const why = manifest === undefined ? ` (it has no ${MANIFEST_FILE}: no scoreflow run of this version wrote it)` : '';
      throw new ConfigError(
        `Output folder ${dir} holds files that scoreflow did not write${why}; scoreflow neither deletes them nor writes through links: move them away, or give another --out`,
        issues,
      );
    }
    if (claim.mode === 'replace') for (const name of remove) removeOwned(join(dir, name));
    const files = claim.mode === 'continue' ? [...new Set([...owned, ...claim.files])] : [...claim.files];
    writeJsonAtomic(join(dir, MANIFEST_FILE), { command: claim.command, files: files.sort() });
    return { dir, release: lock.release };
  } catch (error) {
    lock.release();
    throw error;
  }
}
