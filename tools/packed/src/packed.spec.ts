/**
 * The library packages as a user gets them: built, packed (`npm pack`), installed from the
 * tarballs in a fresh npm project outside the workspace, and run there with plain `node` (no tsx,
 * no `development` condition): the README's composing examples (transpiled by esbuild), the
 * declarations type-checking the same examples, and the files that are not TypeScript.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ComposingExample, composingExamples, describeComposingExamples } from '@scoreflow/testing/readme';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareImports } from './bare-imports.js';
import { type PackedPackage, buildAndPack } from './build-and-pack.js';
import { installPacked } from './install-packed.js';
import { exportedFiles } from './library-packages.js';
import { runCommand } from './run-command.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tarballs = mkdtempSync(join(tmpdir(), 'scoreflow-tarballs-'));
const project = mkdtempSync(join(tmpdir(), 'scoreflow-packed-'));
let packed: PackedPackage[] = [];

beforeAll(async () => {
  packed = await buildAndPack(root, tarballs);
  await installPacked(project, packed.map(({ tarball }) => tarball));
}, 600_000);
afterAll(() => {
  rmSync(tarballs, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

/** Every .js file under `dir`. */
function javascriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

describe('the packed library packages', () => {
  it('are the workspace packages that are not private: core and the plugins, all from packages/', () => {
    const names = packed.map(({ manifest }) => manifest.name);
    const libraries = ['core', 'data-sources', 'metrics', 'samplers', 'score-models', 'score-nets', 'sdes', 'viz', 'webgpu'];
    expect(names).toEqual(expect.arrayContaining(libraries.map((name) => `@scoreflow/${name}`)));
    expect(packed.filter(({ dir }) => relative(root, dirname(dir)) !== 'packages').map(({ manifest }) => manifest.name)).toEqual([]);
    expect(names).not.toContain('@scoreflow/testing');
  });

  it('hold the JavaScript and declarations of every export, and no TypeScript sources', () => {
    for (const { manifest, files } of packed) {
      const missing = exportedFiles(manifest).filter((file) => !files.includes(file.replace(/^\.\//, '')));
      expect(missing, manifest.name).toEqual([]);
      expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')), manifest.name).toEqual([]);
    }
    expect(packed.find(({ manifest }) => manifest.name === '@scoreflow/viz')?.files).toContain('assets/fonts/DejaVuSans.ttf');
  });

  it('list every package their JavaScript imports as a dependency', () => {
    for (const { manifest } of packed) {
      const installed = join(project, 'node_modules', manifest.name);
      const listed = new Set(Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies }));
      const imported = new Set(javascriptFiles(join(installed, 'dist')).flatMap((file) => [...bareImports(readFileSync(file, 'utf8'))]));
      // A package may import itself by name (Node's self-reference through its own exports).
      expect([...imported].filter((name) => !listed.has(name) && name !== manifest.name), `${manifest.name} imports these without listing them`).toEqual([]);
    }
  });

  it("declare types that check the README's composing examples (tsc, NodeNext)", async () => {
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] } };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    for (const { index, code } of composingExamples(readme)) writeFileSync(join(project, `typed-${index}.mts`), code);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await runCommand(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  });

  it("find the files that are not TypeScript: viz's shipped font and score-nets' worker thread", async () => {
    copyFileSync(fileURLToPath(new URL('./installed-assets.fixture.mjs', import.meta.url)), join(project, 'installed-assets.mjs'));
    const { font, loss } = JSON.parse(await runCommand(process.execPath, ['installed-assets.mjs'], project)) as { font: boolean; loss: number };
    expect({ font, lossIsFinite: Number.isFinite(loss) }).toEqual({ font: true, lossIsFinite: true });
  });
});

/** Transpiles an example to JavaScript (esbuild) and runs it with plain node in the fresh project. */
async function runInstalled({ code, index }: ComposingExample): Promise<string> {
  const file = join(project, `example-${index}.mjs`);
  writeFileSync(file, (await transform(code, { loader: 'ts', format: 'esm', target: 'node20' })).code);
  return runCommand(process.execPath, [file], project);
}

describeComposingExamples(readme, 'packed, installed in a fresh project, run with plain node', runInstalled);
