import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

interface BuildModule {
  build(outdir?: string): Promise<void>;
}

const RUNNER = resolve(import.meta.dirname, '../..');

/**
 * Test-only: the `scoreflow` CLI as users run it, bundled by apps/runner/build.mjs into a fresh
 * folder under dist/ (there its externals, TensorFlow.js and the canvas, resolve from
 * node_modules) before the tests of the calling `describe`, and removed after them. Gives the
 * path of its entry, `scoreflow.mjs`, once built.
 */
export function useBuiltCli(): () => string {
  let entry: string | undefined;
  let outdir: string | undefined;
  beforeAll(async () => {
    const { build } = (await import(join(RUNNER, 'build.mjs'))) as BuildModule;
    mkdirSync(join(RUNNER, 'dist'), { recursive: true });
    outdir = mkdtempSync(join(RUNNER, 'dist', 'test-'));
    await build(outdir);
    entry = join(outdir, 'scoreflow.mjs');
  }, 120_000);
  afterAll(() => {
    if (outdir !== undefined) rmSync(outdir, { recursive: true, force: true });
  });
  return () => {
    if (entry === undefined) throw new Error('useBuiltCli: the CLI is built before the tests of the describe that called it.');
    return entry;
  };
}
