import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../..');

/** A `scoreflow` process started by `scoreflowProcess`. */
export interface ScoreflowProcess {
  readonly child: ChildProcess;
  /** Resolves to the exit code (null when killed by a signal). */
  readonly exit: Promise<number | null>;
  /** Whether it has exited yet. */
  exited(): boolean;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** Test-only: `scoreflow ARGS` as a real process (tsx over the sources, from the repository root). */
export function scoreflowProcess(args: readonly string[]): ScoreflowProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=development', 'apps/runner/src/main.ts', ...args], { cwd: root });
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  void exit.then(() => (exited = true));
  return { child, exit, exited: () => exited, stderr: () => stderr };
}

/**
 * Test-only: a fresh folder holding `config.json`, a run of 2,000 particles (one batch) that would
 * take a million reverse-SDE steps, a snapshot every 1,000: it runs until it is stopped.
 */
export function endlessRunConfig(name: string): { dir: string; config: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), `scoreflow-${name}-`));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      name,
      particles: 2000,
      sde: { type: 'brownian', T: 10 },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 1_000_000, snapshotEvery: 1000 }],
    }),
  );
  return { dir, config, out: join(dir, 'out') };
}
