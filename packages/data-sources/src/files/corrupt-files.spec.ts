import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './testing/temp-dir.js';
import { corruptions } from './testing/corruptions.js';
import type { FileCase } from './testing/file-case.js';
import { type TimedOutcome, readInWorker } from './testing/read-in-worker.js';
import { sampleArrowTable, sampleCsv, sampleIdx, sampleParquet, sampleParticleFile } from './testing/sample-files.js';

const tmp = tempDir('scoreflow-corrupt-');
afterAll(() => tmp.remove());

/** SCOREFLOW_CORRUPT_EVERY=1 damages every byte of every file (the long campaign: minutes); by default a seeded sample. */
const every = process.env.SCOREFLOW_CORRUPT_EVERY === '1';
/** Seconds a damaged file may take to be read or rejected. */
const CASE_SECONDS = 10;

/** A valid file, the magic bytes it starts with, and the source that reads a copy of it at `path`. */
interface Target {
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly magic: number;
  readonly read: (path: string) => Omit<FileCase, 'name'>;
}

const idx = { plain: sampleIdx(false), gzip: sampleIdx(true) };
const idxTargets = (['plain', 'gzip'] as const).flatMap((kind): Target[] => {
  const suffix = kind === 'gzip' ? '.gz' : '';
  const images = tmp.write(`good-images-idx3-ubyte${suffix}`, idx[kind].images);
  const labels = tmp.write(`good-labels-idx1-ubyte${suffix}`, idx[kind].labels);
  const magic = kind === 'gzip' ? 2 : 4;
  return [
    { name: `IDX images (${kind})`, file: `images-idx3-ubyte${suffix}`, bytes: idx[kind].images, magic, read: (path) => ({ source: 'idx', options: { images: path, labels } }) },
    { name: `IDX labels (${kind})`, file: `labels-idx1-ubyte${suffix}`, bytes: idx[kind].labels, magic, read: (path) => ({ source: 'idx', options: { images, labels: path } }) },
  ];
});

const targets: Target[] = [
  { name: 'Arrow IPC file (particles)', file: 'particles.arrow', bytes: sampleParticleFile('file'), magic: 6, read: (path) => ({ source: 'arrow', options: { path } }) },
  { name: 'Arrow IPC stream (particles)', file: 'particles.arrows', bytes: sampleParticleFile('stream'), magic: 4, read: (path) => ({ source: 'arrow', options: { path } }) },
  { name: 'Arrow IPC file (table)', file: 'table.arrow', bytes: sampleArrowTable('file'), magic: 6, read: (path) => ({ source: 'arrow', options: { path, columns: ['u', 'v'], label: 'k' } }) },
  { name: 'Arrow IPC stream (table)', file: 'table.arrows', bytes: sampleArrowTable('stream'), magic: 4, read: (path) => ({ source: 'arrow', options: { path, columns: ['u', 'v'], label: 'k' } }) },
  { name: 'Parquet', file: 'points.parquet', bytes: sampleParquet(), magic: 4, read: (path) => ({ source: 'parquet', options: { path, label: 'label' } }) },
  { name: 'CSV', file: 'points.csv', bytes: sampleCsv(), magic: 0, read: (path) => ({ source: 'csv', options: { path, label: 'label' } }) },
  ...idxTargets,
];

/** What is wrong with how a damaged file at `path` ended, or undefined when it ended well. */
function fault(outcome: TimedOutcome, path: string, damage: string): string | undefined {
  switch (outcome.kind) {
    case 'timeout':
      return `still reading after ${outcome.seconds} s`;
    case 'crashed':
      return `an error escaped: ${outcome.name}: ${outcome.message}`;
    case 'rejected':
      if (outcome.name !== 'DataFileError') return `rejected with ${outcome.name} (not a DataFileError): ${outcome.message}`;
      if (!outcome.message.startsWith(`${path}: `)) return `the message does not start with the file: ${outcome.message}`;
      return undefined;
    case 'read':
      if (damage === 'wrong magic' || damage === 'cut at byte 0') return `read ${outcome.rows} rows`;
      return outcome.problems.length > 0 ? `read, but ${outcome.problems.join('; ')}` : undefined;
  }
}

/** Every damaged copy of every target, each written to a file of its own, read in one worker thread. */
const damaged = targets.map((target, t) => corruptions(target.bytes, { seed: 11 + t, cuts: 16, flips: 40, magic: target.magic, every }));
const paths = damaged.map((copies, t) => copies.map((copy, k) => tmp.write(`${t}-${k}-${targets[t].file}`, copy.bytes)));
const cases = damaged.flatMap((copies, t) => copies.map((copy, k): FileCase => ({ name: copy.name, ...targets[t].read(paths[t][k]) }) as FileCase));
let outcomes: TimedOutcome[] = [];
beforeAll(async () => {
  outcomes = await readInWorker(cases, CASE_SECONDS);
}, every ? 24 * 3600_000 : 300_000);

describe('damaged data files: every one ends, within seconds, in a DataFileError naming it or in well-formed batches', () => {
  let first = 0;
  for (const [t, target] of targets.entries()) {
    const from = first;
    first += damaged[t].length;
    it(`${target.name}: cut short, a byte flipped, the magic wrong (${damaged[t].length} copies)`, () => {
      const mine = outcomes.slice(from, from + damaged[t].length);
      const faults = damaged[t].flatMap((copy, k) => {
        const problem = fault(mine[k], paths[t][k], copy.name);
        return problem === undefined ? [] : [`${copy.name}: ${problem}`];
      });
      expect(faults).toEqual([]);
      // The structure's damage gives errors; some flipped value bytes still give readable data.
      expect(mine.some((outcome) => outcome.kind === 'rejected')).toBe(true);
    });
  }
});
