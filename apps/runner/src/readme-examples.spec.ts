/**
 * The README's "Composing a pipeline in TypeScript" section, run as written: every ```ts block in
 * its own Node process (tsx over the workspace's sources, through a linked node_modules and the
 * `development` export condition), checking that it completes and that what it prints is what
 * the README says (`describeComposingExamples` of @scoreflow/testing; only the learned-score block
 * is made smaller). tools/packed runs the same blocks against the packed packages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ComposingExample, describeComposingExamples } from '@scoreflow/testing/readme';
import { afterAll } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const workdir = mkdtempSync(join(tmpdir(), 'scoreflow-readme-'));
symlinkSync(join(root, 'node_modules'), join(workdir, 'node_modules'), 'dir');
writeFileSync(join(workdir, 'package.json'), '{ "type": "module" }\n');
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** Runs an example as a TypeScript module in a fresh Node process; resolves to its stdout. */
async function runExample({ code, index }: ComposingExample): Promise<string> {
  const file = join(workdir, `example-${index}.ts`);
  writeFileSync(file, code);
  try {
    const args = ['--import', 'tsx', '--conditions=development', file];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: workdir, timeout: 170_000, maxBuffer: 1 << 24 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`README example ${index + 1} failed: ${message}\n${stderr ?? ''}`);
  }
}

describeComposingExamples(readFileSync(join(root, 'README.md'), 'utf8'), 'tsx over the sources', runExample);
