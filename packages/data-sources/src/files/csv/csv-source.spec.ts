import { afterAll, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { type Logger, createRunContext, idsOf, labelsOf, metadataOf, silentLogger, stepsOf, timesOf } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { DataFileError } from '../data-file-error.js';
import { tempDir } from '../testing/temp-dir.js';
import { thrown, untilError } from '../testing/until-error.js';
import { csvSource } from './csv-source.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Row i of the test table: a = i / 4, b = 1 - i, c = i * 1e-3 + 0.1, label = i % 3. */
const rowOf = (i: number) => [i / 4, 1 - i, i * 1e-3 + 0.1, i % 3];
const table = (n: number, { header = 'a,b,c,label', delimiter = ',' } = {}) =>
  [...(header === '' ? [] : [header]), ...Array.from({ length: n }, (_, i) => rowOf(i).join(delimiter))].join('\n') + '\n';
const big = tmp.write('big.csv', table(2500));
const ctx = (particles: number, batchSize = 1000, logger: Logger = silentLogger) => createRunContext({ dim: 2, particles, batchSize, seed: 3, name: 'csv-test', logger });

describe('csvSource({ path, columns, header, delimiter, label })', () => {
  it('reads every column but the label, in file order, with the label as Int32 labels', async () => {
    const source = csvSource({ path: big, label: 'label' });
    expect(source).toMatchObject({ name: 'csv', dim: 3 });
    const { x, labels, ids } = await collect(source, ctx(2500));
    expect(x).toEqual(Float32Array.from(Array.from({ length: 2500 }, (_, i) => rowOf(i).slice(0, 3)).flat()));
    expect(labels).toEqual(Int32Array.from({ length: 2500 }, (_, i) => i % 3));
    expect(ids).toEqual(Uint32Array.from({ length: 2500 }, (_, i) => i));
  });

  it('takes columns by name or 0-based index, in the order given; no label column without `label`', async () => {
    const byName = await collect(csvSource({ path: big, columns: ['c', 'a'] }), ctx(10));
    const byIndex = await collect(csvSource({ path: big, columns: [2, 0] }), ctx(10));
    expect(byName.dim).toBe(2);
    expect(byName.x).toEqual(Float32Array.from(Array.from({ length: 10 }, (_, i) => [rowOf(i)[2], rowOf(i)[0]]).flat()));
    expect(sameBits(byIndex.x, byName.x)).toBe(true);
    expect(byName.labels).toBeUndefined();
  });

  it('reads a file without header and with another delimiter', async () => {
    const path = tmp.write('semicolon.csv', table(5, { header: '', delimiter: ';' }));
    const all = await collect(csvSource({ path, header: false, delimiter: ';' }), ctx(5));
    expect(all.dim).toBe(4);
    expect(all.x).toEqual(Float32Array.from(Array.from({ length: 5 }, (_, i) => rowOf(i)).flat()));
    const labelled = csvSource({ path, header: false, delimiter: ';', label: 3, columns: [1] });
    expect(labelsOf((await collect(labelled, ctx(5))).batches[0])).toEqual(Int32Array.from([0, 1, 2, 0, 1]));
  });

  it('handles quotes, spaces, CRLF line ends, a byte order mark and blank lines', async () => {
    const path = tmp.write('messy.csv', '\ufeff"x", y \r\n\r\n" 1.5",-2e-1\r\n3,  4 \r\n\r\n');
    const { x, dim } = await collect(csvSource({ path, columns: ['x', ' y '] }), ctx(10));
    expect(dim).toBe(2);
    expect(x).toEqual(Float32Array.from([1.5, -0.2, 3, 4]));
  });

  it('streams batches of ctx.batchSize with ids 0.., step 0, t 0 and the run metadata', async () => {
    const { batches } = await collect(csvSource({ path: big }), ctx(2500, 1000));
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    expect(batches.map((b) => idsOf(b)[0])).toEqual([0, 1000, 2000]);
    for (const batch of batches) {
      expect(stepsOf(batch).every((s) => s === 0) && timesOf(batch).every((t) => t === 0)).toBe(true);
      expect(metadataOf(batch)).toEqual({ run: 'csv-test', seed: 3 });
    }
  });

  it('gives the same particles for any batch size', async () => {
    const source = csvSource({ path: big, label: 'label' });
    const runs = await Promise.all([1, 7, 1000, 4096, 65_536].map((batchSize) => collect(source, ctx(2500, batchSize))));
    for (const run of runs.slice(1)) {
      expect(sameBits(run.x, runs[0].x) && sameBits(run.labels!, runs[0].labels!)).toBe(true);
    }
  });

  it('reads at most ctx.particles rows: a bad row after them is never parsed', async () => {
    const path = tmp.write('bad-tail.csv', table(1500) + 'oops,1,2,0\n');
    const { batches, x } = await collect(csvSource({ path }), ctx(1200, 500));
    expect(batches.map((b) => b.numRows)).toEqual([500, 500, 200]);
    expect(x[x.length - 4]).toBe(rowOf(1199)[0]);
  });

  it('emits every row of a shorter file and warns that particles were fewer', async () => {
    const warnings: string[] = [];
    const { batches } = await collect(csvSource({ path: big }), ctx(10_000, 1000, { ...silentLogger, warn: (m) => warnings.push(m) }));
    expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(2500);
    expect(warnings).toEqual([`${big}: read all 2500 rows, fewer than the 10000 particles asked for.`]);
  });

  it('builds only the first batch for a subscriber that takes one', async () => {
    const batch = await firstValueFrom(csvSource({ path: big }).sample(ctx(2500, 10)));
    expect(batch.numRows).toBe(10);
  });
});

describe('csvSource rejects bad files, naming the file, the row or column and the problem', () => {
  it('a missing file, an empty file', () => {
    expect(thrown(() => csvSource({ path: tmp.path('nope.csv') })).message).toBe(`${tmp.path('nope.csv')}: file not found.`);
    const empty = tmp.write('empty.csv', '\n\n');
    expect(thrown(() => csvSource({ path: empty })).message).toMatch(/empty\.csv: the file is empty/);
  });

  it('a missing column, by name or index, when the source is created', () => {
    const byName = thrown(() => csvSource({ path: big, columns: ['a', 'z'] }));
    expect(byName).toBeInstanceOf(DataFileError);
    expect(byName.message).toBe(`${big}: column 'z': missing column (columns: a, b, c, label).`);
    expect(thrown(() => csvSource({ path: big, columns: [4] })).message).toBe(`${big}: column 4: missing column: the file has 4 columns (indices 0 to 3).`);
    expect(thrown(() => csvSource({ path: big, label: 'class' })).message).toMatch(/column 'class': missing column/);
    const noHeader = tmp.write('no-header.csv', '1,2\n3,4\n');
    expect(thrown(() => csvSource({ path: noHeader, header: false, columns: ['a'] })).message).toMatch(/column 'a': missing column: the file has no header/);
  });

  it('a label chosen as a coordinate too, a column chosen twice', () => {
    expect(thrown(() => csvSource({ path: big, columns: ['a', 'label'], label: 'label' })).message).toMatch(/column 'label': the label column cannot also be a coordinate/);
    expect(thrown(() => csvSource({ path: big, columns: ['a', 0] })).message).toMatch(/column 'a': column chosen twice/);
  });

  /** Writes 250 good rows, then `bad` as data row 251 (line 252), then good rows again. */
  const withBadRow = (name: string, bad: string) => tmp.write(name, table(250) + bad + '\n' + table(10, { header: '' }));

  const cases: [string, string, RegExp][] = [
    ['non-numeric', '1,abc,3,0', /row 252, column 'b': non-numeric cell: expected a number, got 'abc'\.$/],
    ['empty', '1,,3,0', /row 252, column 'b': empty cell: expected a number\.$/],
    ['nan', '1,NaN,3,0', /row 252, column 'b': NaN cell: coordinates must be finite numbers, got 'NaN'/],
    ['infinite', '1,2,-Infinity,0', /row 252, column 'c': infinite cell: coordinates must be finite numbers, got '-Infinity'/],
    ['too-large', '1e39,2,3,0', /row 252, column 'a': cell outside the Float32 range \(about ±3\.4e38\), got '1e39'/],
    ['ragged-short', '1,2,3', /row 252: ragged row: 3 cells, expected 4 as in the header \(wrong dimension\)\.$/],
    ['ragged-long', '1,2,3,0,5', /row 252: ragged row: 5 cells, expected 4/],
    ['label', '1,2,3,cat', /row 252, column 'label': label cell: expected an integer, got 'cat'\.$/],
    ['quote', '1,2,"3,0', /row \d+: not readable as CSV \(.*Quote Not Closed/],
  ];
  for (const [name, bad, message] of cases) {
    it(`a bad row (${name}) errors before its batch is emitted`, async () => {
      const path = withBadRow(`${name}.csv`, bad);
      const { batches, error } = await untilError(csvSource({ path, label: 'label' }), ctx(1000, 100));
      expect(error).toBeInstanceOf(DataFileError);
      expect(error!.message.startsWith(`${path}: `)).toBe(true);
      expect(error!.message).toMatch(message);
      // Rows 0..199 made two full batches; the batch of rows 200..299 holds the bad row.
      expect(batches.map((b) => b.numRows)).toEqual([100, 100]);
    });
  }

  it('quotes a 1 MB cell by its first 60 characters, `…` and its length, and a 1 MB column name likewise', async () => {
    const cell = `"${'7'.repeat(500_000)}z${'7'.repeat(499_999)}"`;
    const { error } = await untilError(csvSource({ path: withBadRow('huge-cell.csv', `1,${cell},3,0`) }), ctx(1000));
    expect(error!.message).toMatch(new RegExp(`row 252, column 'b': non-numeric cell: expected a number, got '7{60}…' \\(1000000 characters\\)\\.$`));
    expect(error!.message.length).toBeLessThan(300);
    const wide = tmp.write('huge-name.csv', `${'n'.repeat(1_000_000)},b\n1,x\n`);
    const named = await untilError(csvSource({ path: wide }), ctx(10));
    expect(named.error!.message).toBe(`${wide}: row 2, column 'b': non-numeric cell: expected a number, got 'x'.`);
    const missing = thrown(() => csvSource({ path: wide, columns: ['z'.repeat(100_000)] }));
    expect(missing.message.length).toBeLessThan(400);
    expect(missing.message).toBe(`${wide}: column '${'z'.repeat(60)}…': missing column (columns: ${'n'.repeat(60)}…, b).`);
  });

  it('counts blank lines in the row, so that rows are line numbers', async () => {
    const path = tmp.write('blank-lines.csv', 'a,b\n\n1,2\n\n\n3,x\n');
    const { error } = await untilError(csvSource({ path }), ctx(10));
    expect(error!.message).toBe(`${path}: row 6, column 'b': non-numeric cell: expected a number, got 'x'.`);
  });

  it('a header without data rows', async () => {
    const path = tmp.write('header-only.csv', 'a,b\n');
    const { batches, error } = await untilError(csvSource({ path }), ctx(10));
    expect(batches).toEqual([]);
    expect(error!.message).toBe(`${path}: no data rows to read.`);
  });

  it('reports the row and column as properties too', async () => {
    const path = withBadRow('props.csv', '1,2,x,0');
    const { error } = await untilError(csvSource({ path }), ctx(1000));
    expect(error).toMatchObject({ file: path, row: 252, column: 'c', name: 'DataFileError' });
  });
});
