// Bundles the CLI (and its worker threads: score-nets', `run --threads`') into dist/ with esbuild, and says whether the
// bundle is stale. Plain JavaScript, so that `npx scoreflow` can run it right after `npm ci`.
// `node build.mjs` (the package's `build` script) builds; bin/scoreflow.mjs builds when stale.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The runner's folder (apps/runner). */
export const RUNNER_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Where the bundle goes by default. */
export const DIST_DIR = join(RUNNER_DIR, 'dist');

/** The bundle's entry points, by output name (relative to the runner's folder). */
export const ENTRY_POINTS = {
  scoreflow: 'src/main.ts',
  'score-net-worker': '../../packages/score-nets/src/node/parallel/score-net-worker.ts',
  'shard-thread': 'src/engine/threads/shard-thread.ts',
};

/** esbuild's metafile of the last build, in the output folder: its inputs decide staleness. */
export const META_FILE = 'scoreflow.meta.json';

/** The chunks esbuild splits the entries into (`chunkNames`). */
const CHUNK = /^chunk-[A-Z0-9]+\.mjs$/;

/** Files whose change alters every bundle: this script itself. */
const BUILD_SCRIPTS = [fileURLToPath(import.meta.url)];

/**
 * esbuild's options: ESM for Node 20, our packages' TypeScript sources through the `development`
 * condition, TensorFlow.js and the canvas left in node_modules (native and wasm files), and a
 * `require` for the CommonJS packages bundled into ESM.
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function buildOptions(outdir) {
  return {
    absWorkingDir: RUNNER_DIR,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The entry (src/main.ts) stays a small file of its own that installs the Ctrl-C handler before it
    // imports the program (Arrow, TensorFlow.js: about a second): the rest goes into chunks.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    minifySyntax: true,
    conditions: ['development'],
    packages: 'bundle',
    external: ['@napi-rs/canvas', '@tensorflow/*'],
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    metafile: true,
    banner: { js: "import { createRequire as scoreflowRequire } from 'node:module'; const require = scoreflowRequire(import.meta.url);" },
  };
}

/**
 * Builds the bundle into `outdir` (default dist/). esbuild writes into a fresh folder beside it;
 * each file is then renamed into place and the metafile last, so a CLI starting meanwhile loads
 * either the old files or the new ones, never a half-written one.
 * @param {string} [outdir]
 * @returns {Promise<void>}
 */
export async function build(outdir = DIST_DIR) {
  const { build: esbuild } = await import('esbuild');
  const target = resolve(outdir);
  mkdirSync(target, { recursive: true });
  const scratch = mkdtempSync(join(target, '.build-'));
  try {
    const startedAt = Date.now();
    const result = await esbuild(buildOptions(scratch));
    // Chunks first (their names are content hashes), then the entries that import them.
    const chunks = readdirSync(scratch).filter((file) => CHUNK.test(file));
    for (const chunk of chunks) renameSync(join(scratch, chunk), join(target, chunk));
    for (const name of Object.keys(ENTRY_POINTS)) renameSync(join(scratch, `${name}.mjs`), join(target, `${name}.mjs`));
    // Older chunks go, except the previous build's: a CLI that loaded the previous entry a moment
    // ago still imports them.
    const keep = new Set([...chunks, ...previousChunks(target)]);
    for (const old of readdirSync(target).filter((file) => CHUNK.test(file) && !keep.has(file))) rmSync(join(target, old), { force: true });
    const meta = join(scratch, META_FILE);
    writeFileSync(meta, JSON.stringify({ startedAt, chunks, inputs: Object.keys(result.metafile?.inputs ?? {}) }));
    renameSync(meta, join(target, META_FILE));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Why the bundle in `outdir` must be rebuilt, or undefined when it is current: an entry, a chunk
 * of the last build or the metafile is missing, or an input of the last build (a source file, a bundled package file, this
 * script) changed after it began (by modification time) or is gone.
 * @param {string} [outdir]
 * @returns {string | undefined}
 */
export function staleness(outdir = DIST_DIR) {
  const target = resolve(outdir);
  for (const name of [...Object.keys(ENTRY_POINTS).map((n) => `${n}.mjs`), META_FILE]) {
    if (mtimeOf(join(target, name)) === undefined) return `${join(target, name)} is missing`;
  }
  /** @type {{ startedAt: number, chunks?: string[], inputs: string[] }} */
  const meta = JSON.parse(readFileSync(join(target, META_FILE), 'utf8'));
  for (const chunk of meta.chunks ?? []) if (mtimeOf(join(target, chunk)) === undefined) return `${join(target, chunk)} is missing`;
  for (const input of [...meta.inputs.map((file) => resolve(RUNNER_DIR, file)), ...BUILD_SCRIPTS]) {
    const time = mtimeOf(input);
    if (time === undefined) return `${input} is gone`;
    if (time > meta.startedAt) return `${input} changed`;
  }
  return undefined;
}

/** The chunks of the build whose metafile is in `target`, if any. @param {string} target @returns {string[]} */
function previousChunks(target) {
  try {
    return JSON.parse(readFileSync(join(target, META_FILE), 'utf8')).chunks ?? [];
  } catch {
    return [];
  }
}

/** @param {string} file @returns {number | undefined} */
function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await build();
