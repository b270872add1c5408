/**
 * The README's "Composing a pipeline in TypeScript" section, run as written: every ```ts block in
 * its own Node process (tsx, the workspace's packages through a linked node_modules), checking
 * that it completes and that what it prints is what the README says, the last number being the
 * whole population of its last snapshot. Only the learned-score block is made smaller, by the
 * exact replacements below (each must be found once, so a changed README fails here).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SECTION = 'Composing a pipeline in TypeScript';

/** Training and sampling sizes of the learned-score block, made smaller (5,000 steps take minutes). */
const SMALLER: readonly (readonly [string, string])[] = [
  ['steps: 5000, batchSize: 4096', 'steps: 50, batchSize: 512'],
  ['particles: 10_000', 'particles: 2_000'],
  ['uniformGrid().times(sde, 500, 1e-3)', 'uniformGrid().times(sde, 100, 1e-3)'],
];

/** The ```ts blocks of the README section titled `title`. */
function codeBlocks(readme: string, title: string): string[] {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section '## ${title}'`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
}

const workdir = mkdtempSync(join(tmpdir(), 'scoreflow-readme-'));
symlinkSync(join(root, 'node_modules'), join(workdir, 'node_modules'), 'dir');
writeFileSync(join(workdir, 'package.json'), '{ "type": "module" }\n');
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** Runs `code` as a TypeScript module in a fresh Node process; resolves to its stdout. */
async function runExample(code: string, index: number): Promise<string> {
  const file = join(workdir, `example-${index}.ts`);
  writeFileSync(file, code);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], { cwd: workdir, timeout: 170_000, maxBuffer: 1 << 24 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`README example ${index + 1} failed: ${message}\n${stderr ?? ''}`);
  }
}

describe(`README: ${SECTION}`, () => {
  const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'), SECTION);

  it('has TypeScript examples', () => expect(blocks.length).toBeGreaterThan(0));

  blocks.forEach((block, index) => {
    const smaller = block.includes('train(');
    it(`example ${index + 1} runs ${smaller ? 'with smaller sizes' : 'as written'} and prints the whole population of its last snapshot`, async () => {
      let code = block;
      if (smaller) {
        for (const [from, to] of SMALLER) {
          expect(code.split(from).length - 1, `'${from}' in the README's learned-score example`).toBe(1);
          code = code.replace(from, to);
        }
      }
      const printed = (await runExample(code, index)).trim().split('\n').at(-1)!;
      const population = Number(/particles: ([\d_]+)/.exec(code)![1].replaceAll('_', ''));
      expect(Number(printed.split(' ').at(-1))).toBe(population);
      // What the README says the example prints, as the comment after its last console.log.
      if (!smaller) expect(printed).toBe(/console\.log\(.*\);\s*\/\/ (.+)\n?$/.exec(code)![1].trim());
    }, 180_000);
  });
});
