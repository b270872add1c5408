import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DEBIAN_CHROMIUM, chromiumPath } from './chromium.js';

/** What `ensureChromium` may look at and do on the machine (a fake one in tests). */
export interface ChromiumHost {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the process runs as root (uid 0). */
  isRoot: boolean;
  /** Whether a file exists at `path`. */
  exists(path: string): boolean;
  /** The executable `command` on PATH, or undefined. */
  which(command: string): string | undefined;
  /** Runs `command args` without a terminal (stdin closed, output shown); its exit status. */
  run(command: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): number | null;
  log(line: string): void;
}

/**
 * Chromium is missing and cannot be installed from here: the message says the command to run.
 * (A plain Error: the check runs before every test, so it imports nothing of ours.)
 */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

/** The two commands that install Debian's Chromium, as root. */
export const APT_COMMANDS: readonly (readonly string[])[] = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', 'chromium'],
];

/** The commands as one line for a person, prefixed for a user who is not root. */
function aptLine(host: ChromiumHost): string {
  const line = APT_COMMANDS.map((c) => c.join(' ')).join(' && ');
  if (host.isRoot) return line;
  if (host.which('sudo')) return APT_COMMANDS.map((c) => `sudo ${c.join(' ')}`).join(' && ');
  return `su -c '${line}'`;
}

/**
 * Makes sure the browser of the gallery test exists, and returns its path (`chromiumPath`).
 * Present: nothing is done. Missing at Debian's path, running as root where apt-get exists:
 * `apt-get update`, then `apt-get install -y chromium`, non-interactive. Otherwise it throws
 * `ChromiumMissingError` at once, with the exact command to run (as root, or through sudo/su) or,
 * without apt-get or when `$CHROMIUM` names a missing file, what to set.
 */
export function ensureChromium(host: ChromiumHost = systemHost()): string {
  const path = chromiumPath(host.env);
  if (host.exists(path)) return path;
  if (path !== DEBIAN_CHROMIUM) {
    throw new ChromiumMissingError(`the gallery's tests need Chromium: CHROMIUM=${path} names no file. Point CHROMIUM at a Chromium binary, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`);
  }
  const missing = `the gallery's tests need Chromium, and ${path} does not exist`;
  if (host.which('apt-get') === undefined) {
    throw new ChromiumMissingError(`${missing}. Install Chromium with your system's package manager, then run the tests with CHROMIUM=/path/to/chromium.`);
  }
  if (!host.isRoot) throw new ChromiumMissingError(`${missing}. Install it (as root), then run the tests again:\n  ${aptLine(host)}`);
  host.log(`${missing}: installing Debian's chromium (${aptLine(host)})`);
  const env = { ...host.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [command, ...args] of APT_COMMANDS) {
    const status = host.run(command, args, env);
    if (status !== 0) throw new ChromiumMissingError(`${missing}, and \`${[command, ...args].join(' ')}\` failed (exit ${status}). Fix that, then run:\n  ${aptLine(host)}`);
  }
  if (!host.exists(path)) throw new ChromiumMissingError(`${missing}, and apt-get installed no browser there. Install Chromium, then run the tests with CHROMIUM=/path/to/chromium.`);
  host.log(`installed ${path}`);
  return path;
}

/** This machine. */
export function systemHost(): ChromiumHost {
  return {
    env: process.env,
    isRoot: process.getuid?.() === 0,
    exists: existsSync,
    which: (command) => whichOf(command, process.env.PATH ?? ''),
    run: (command, args, env) => spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] }).status,
    log: (line) => console.log(`scoreflow: ${line}`),
  };
}

/** The first executable `command` in the PATH folders `path`. */
function whichOf(command: string, path: string): string | undefined {
  for (const folder of path.split(delimiter).filter(Boolean)) {
    const file = join(folder, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}
