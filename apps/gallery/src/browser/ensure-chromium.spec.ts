import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, chromiumPath } from './chromium.js';
import { type ChromiumHost, ensureChromium } from './ensure-chromium.js';

interface FakeMachine {
  files?: string[];
  root?: boolean;
  commands?: string[];
  /** Exit status of each apt-get run, in order (0 by default); a run with status 0 of `install` creates the browser. */
  statuses?: number[];
  env?: Record<string, string>;
}

/** A machine in memory: what ensureChromium ran, and what it logged. */
function fakeHost({ files = [], root = false, commands = ['apt-get'], statuses = [], env = {} }: FakeMachine) {
  const present = new Set(files);
  const runs: { line: string; env: Readonly<Record<string, string | undefined>> }[] = [];
  const host: ChromiumHost = {
    env,
    isRoot: root,
    exists: (path) => present.has(path),
    which: (command) => (commands.includes(command) ? `/usr/bin/${command}` : undefined),
    run: (command, args, runEnv) => {
      runs.push({ line: [command, ...args].join(' '), env: runEnv });
      const status = statuses[runs.length - 1] ?? 0;
      if (status === 0 && args[0] === 'install') present.add(DEBIAN_CHROMIUM);
      return status;
    },
    log: () => undefined,
  };
  return { host, runs };
}

/** ensureChromium(host) throws a `ChromiumMissingError` whose message contains (or matches) `message`. */
const expectMissing = (host: ChromiumHost, message: string | RegExp) =>
  expect(() => ensureChromium(host)).toThrow(
    expect.objectContaining({ name: 'ChromiumMissingError', message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) }),
  );

describe('ensureChromium(host)', () => {
  it('does nothing when the browser is there', () => {
    const { host, runs } = fakeHost({ files: [DEBIAN_CHROMIUM], root: true });
    expect(ensureChromium(host)).toBe(DEBIAN_CHROMIUM);
    expect(runs).toEqual([]);
  });

  it('installs Debian\'s chromium when it is missing and it runs as root with apt-get: update, then install -y, non-interactive', () => {
    const { host, runs } = fakeHost({ root: true });
    expect(ensureChromium(host)).toBe(DEBIAN_CHROMIUM);
    expect(runs.map((r) => r.line)).toEqual(['apt-get update', 'apt-get install -y chromium']);
    expect(runs.every((r) => r.env.DEBIAN_FRONTEND === 'noninteractive')).toBe(true);
  });

  it('stops at once with the command to run when it is not root', () => {
    const { host, runs } = fakeHost({ commands: ['apt-get', 'sudo'] });
    expectMissing(host, `${DEBIAN_CHROMIUM} does not exist. Install it (as root), then run the tests again:\n  sudo apt-get update && sudo apt-get install -y chromium`);
    expect(runs).toEqual([]);
  });

  it('gives the command through su where there is no sudo', () => {
    const { host, runs } = fakeHost({});
    expectMissing(host, `su -c 'apt-get update && apt-get install -y chromium'`);
    expect(runs).toEqual([]);
  });

  it('stops at once without apt-get, saying to set CHROMIUM', () => {
    const { host, runs } = fakeHost({ root: true, commands: [] });
    expectMissing(host, /package manager, then run the tests with CHROMIUM=\/path\/to\/chromium\.$/);
    expect(runs).toEqual([]);
  });

  it('names the failing apt-get command and stops there', () => {
    const { host, runs } = fakeHost({ root: true, statuses: [100] });
    expectMissing(host, '`apt-get update` failed (exit 100)');
    expect(runs.map((r) => r.line)).toEqual(['apt-get update']);
  });

  it('takes $CHROMIUM as the browser, and installs nothing in place of a missing one', () => {
    const custom = '/opt/chromium/chrome';
    expect(ensureChromium(fakeHost({ files: [custom], env: { CHROMIUM: custom } }).host)).toBe(custom);
    const { host, runs } = fakeHost({ root: true, env: { CHROMIUM: custom } });
    expectMissing(host, `CHROMIUM=${custom} names no file`);
    expect(runs).toEqual([]);
    expect(chromiumPath({})).toBe(DEBIAN_CHROMIUM);
  });
});

describe('npm test', () => {
  it('brings its browser before Nx runs anything', () => {
    const root = resolve(import.meta.dirname, '../../../..');
    const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.test).toMatch(/^tsx apps\/gallery\/src\/browser\/main\.ts && nx run-many /);
  });
});
