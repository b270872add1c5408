import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRng } from '@scoreflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { useBuiltCli } from '../testing/built-cli.js';
import { quietIo } from '../testing/cli-harness.js';
import { type FuzzBase, type FuzzCase, fuzzCases } from '../testing/config-fuzz.js';
import { checkpointSlots, tinyCheckpoints } from '../testing/checkpoint-slots.js';
import { resolvePaths } from './file-options.js';

const SEED = 20261204;
const CONFIGS = join(import.meta.dirname, '../../configs');

/** Every shipped config, its files absolute; each entry that reads a trained network gets a tiny checkpoint. */
async function shippedConfigs(): Promise<FuzzBase[]> {
  const checkpointOf = tinyCheckpoints();
  const names = (readdirSync(CONFIGS, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(CONFIGS, name);
      const config = JSON.parse(JSON.stringify(resolvePaths(parse(readFileSync(file, 'utf8')), dirname(file)))) as Record<string, unknown>;
      for (const { path, kind, dim } of checkpointSlots(config)) {
        const entry = path.split('.').reduce<Record<string, unknown>>((parent, key) => parent[key] as Record<string, unknown>, config);
        entry.checkpoint = await checkpointOf(kind, dim);
      }
      return { name, config };
    }),
  );
}

/** The paths of the issues a CLI error lists (`  - PATH: message`), `(root)` as ''. */
function issueLines(text: string): { path: string; message: string }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => {
      const colon = line.indexOf(': ');
      const path = line.slice(4, colon);
      return { path: path === '(root)' ? '' : path, message: line.slice(colon + 2) };
    });
}

/** Whether the CLI's error names the case's field: an issue at it or inside it, or at the plugin holding it or an option beside it, naming it. */
function namesField(text: string, testCase: FuzzCase): boolean {
  const { field } = testCase;
  if (field === 'line' || (testCase.kind === 'deep-nesting' && /^error: Cannot parse /.test(text))) return /^error: Cannot parse /.test(text);
  const issues = issueLines(text);
  if (field.startsWith('--set ')) return issues.some((issue) => issue.path === field.slice(0, 66) || issue.path.startsWith(`${field.slice(0, 66)}…`));
  if (field === '') return /^error: Cannot parse /.test(text) || issues.some((issue) => issue.path === '');
  const option = field.split('.').at(-1) ?? '';
  const guess = testCase.kind === 'out-of-range' || testCase.kind === 'long-string';
  const parent = field.split('.').slice(0, -1).join('.');
  return issues.some(
    (issue) =>
      issue.path === field ||
      issue.path.startsWith(`${field}.`) ||
      // The plugin holding the option, naming it (or, for a guess, a check of the value in the plugin).
      (issue.path !== '' && field.startsWith(`${issue.path}.`) && (guess || issue.message.includes(option))) ||
      // An option beside it whose check names it (`betaMax: must be at least betaMin`).
      (issue.path.split('.').slice(0, -1).join('.') === parent && issue.message.includes(option)),
  );
}

describe('fuzzed configs (mutations of every shipped config)', () => {
  let cases: FuzzCase[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'scoreflow-fuzz-'));
  const fileOf = (testCase: FuzzCase) => join(folder, `case-${testCase.id}.yaml`);
  const argsOf = (testCase: FuzzCase) => ['validate', fileOf(testCase), ...testCase.set.flatMap((assignment) => ['--set', assignment])];

  beforeAll(async () => {
    cases = fuzzCases(await shippedConfigs(), SEED);
    for (const testCase of cases) writeFileSync(fileOf(testCase), testCase.text);
  }, 180_000);

  it('has at least 1,000 bad configs, of every kind, from every shipped config, run and train', () => {
    expect(cases.filter((testCase) => testCase.certain).length).toBeGreaterThanOrEqual(1000);
    expect(new Set(cases.map((testCase) => testCase.kind)).size).toBe(12);
    expect(new Set(cases.map((testCase) => testCase.base))).toEqual(new Set((readdirSync(CONFIGS, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml'))));
  });

  it('rejects each with exit code 2 and an error naming the field (validated in-process)', async () => {
    const failures: string[] = [];
    let rejected = 0;
    for (const testCase of cases) {
      const { lines, io } = quietIo();
      let code: number;
      try {
        code = await runCli(['node', 'scoreflow', ...argsOf(testCase)], io);
      } catch (error) {
        failures.push(`${testCase.base} #${testCase.id} ${testCase.change}: threw ${(error as Error).stack}`);
        continue;
      }
      const text = lines.join('\n');
      if (code === 2) rejected++;
      const problem =
        code !== 2 && (testCase.certain || code !== 0)
          ? `exit code ${code}`
          : code === 2 && !namesField(text, testCase)
            ? `does not name ${testCase.field}`
            : code === 2 && text.length > 20_000
              ? `a message of ${text.length} characters`
              : undefined;
      if (problem !== undefined) failures.push(`${testCase.base} #${testCase.id} (${testCase.kind}) ${testCase.change.slice(0, 80)}: ${problem}\n${text.slice(0, 600)}`);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(rejected).toBeGreaterThanOrEqual(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  describe('through the built CLI', () => {
    const cli = useBuiltCli();

    it('exits 2 for one case of each kind, names the field and writes nothing', async () => {
      const rng = createRng(SEED);
      const kinds = [...new Set(cases.filter((testCase) => testCase.certain).map((testCase) => testCase.kind))];
      const sample = kinds.map((kind, k) => {
        const ofKind = cases.filter((testCase) => testCase.certain && testCase.kind === kind);
        const [u] = rng.uniform(new Float64Array(1), { first: k, count: 1 }, 1, { step: 1 });
        return ofKind[Math.floor(u * ofKind.length)];
      });
      const results = await inBatches(sample, 3, async (testCase) => {
        const out = join(folder, `out-${testCase.id}`);
        const command = testCase.text.includes('\ntraining:') ? 'train' : 'run';
        const { code, stderr } = await runNode([cli(), command, fileOf(testCase), '--out', out, ...argsOf(testCase).slice(2)]);
        return { testCase, code, stderr, wrote: existsSync(out) };
      });
      for (const { testCase, code, stderr, wrote } of results) {
        const what = `${testCase.base} #${testCase.id} (${testCase.kind}) ${testCase.change}:\n${stderr.slice(0, 600)}`;
        expect({ code, names: namesField(stderr.trimEnd(), testCase), wrote }, what).toEqual({ code: 2, names: true, wrote: false });
      }
    }, 120_000);
  });
});

/** Runs node with `args`: its exit code and what it wrote to stderr. */
function runNode(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}

/** `work` on every item, at most `size` at a time; the results in order. */
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}
