import { afterAll, describe, expect, it } from 'vitest';
import { parquetMetadata } from 'hyparquet';
import { type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';
import { createRunContext } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { DataFileError } from '../data-file-error.js';
import { tempDir } from '../testing/temp-dir.js';
import { thrown, untilError } from '../testing/until-error.js';
import { parquetLayout } from './parquet-layout.js';
import { readParquetMetadata } from './parquet-metadata.js';
import { parquetSource } from './parquet-source.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const ctx = (particles: number, batchSize = 1000) => createRunContext({ dim: 2, particles, batchSize, seed: 1 });

/** n rows: a = i / 8 (DOUBLE), b = -i / 2 (FLOAT), c = i (INT32), d = 2i (INT64), s = text, k = i % 7 (INT32). */
function columnsOf(n: number, edit: (a: (number | null)[]) => void = () => undefined): ColumnSource[] {
  const a: (number | null)[] = Array.from({ length: n }, (_, i) => i / 8);
  edit(a);
  return [
    { name: 'a', data: a, type: 'DOUBLE', nullable: true },
    { name: 'b', data: Float32Array.from({ length: n }, (_, i) => -i / 2) },
    { name: 'c', data: Int32Array.from({ length: n }, (_, i) => i) },
    { name: 'd', data: BigInt64Array.from({ length: n }, (_, i) => BigInt(2 * i)) },
    { name: 's', data: Array.from({ length: n }, (_, i) => `row ${i}`) },
    { name: 'k', data: Int32Array.from({ length: n }, (_, i) => i % 7) },
  ];
}
const rowOf = (i: number) => [i / 8, -i / 2, i, 2 * i];
const write = (name: string, columnData: ColumnSource[], rowGroupSize = 300) => tmp.write(name, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize })));
const points = write('points.parquet', columnsOf(1000));

describe('parquetSource({ path, columns, label })', () => {
  it('reads every numeric column (DOUBLE, FLOAT, INT32, INT64) but the label, over several row groups', async () => {
    const source = parquetSource({ path: points, label: 'k' });
    expect(source).toMatchObject({ name: 'parquet', dim: 4 });
    const { x, labels, ids, batches } = await collect(source, ctx(1000, 256));
    expect(x).toEqual(Float32Array.from(Array.from({ length: 1000 }, (_, i) => rowOf(i)).flat()));
    expect(labels).toEqual(Int32Array.from({ length: 1000 }, (_, i) => i % 7));
    expect(ids).toEqual(Uint32Array.from({ length: 1000 }, (_, i) => i));
    expect(batches.map((b) => b.numRows)).toEqual([256, 256, 256, 232]);
  });

  it('reads the columns asked for, by name or index, in that order', async () => {
    const { x, labels } = await collect(parquetSource({ path: points, columns: ['d', 1] }), ctx(5));
    expect(x).toEqual(Float32Array.from([0, -0, 2, -0.5, 4, -1, 6, -1.5, 8, -2]));
    expect(labels).toBeUndefined();
  });

  it('gives the same particles for any batch size', async () => {
    const source = parquetSource({ path: points, columns: ['a', 'b'], label: 'k' });
    const runs = await Promise.all([1, 7, 300, 4096].map((batchSize) => collect(source, ctx(1000, batchSize))));
    for (const run of runs.slice(1)) expect(sameBits(run.x, runs[0].x) && sameBits(run.labels!, runs[0].labels!)).toBe(true);
  });

  it('reads only the row groups that ctx.particles needs: a null in a later group is never read', async () => {
    const path = write('late-null.parquet', columnsOf(1000, (a) => (a[950] = null)));
    const { x, batches } = await collect(parquetSource({ path, columns: ['a'] }), ctx(650, 100));
    expect(batches.map((b) => b.numRows)).toEqual([100, 100, 100, 100, 100, 100, 50]);
    expect(x[649]).toBe(649 / 8);
  });
});

describe('parquetSource rejects bad files, naming the file, the row or column and the problem', () => {
  it('a missing file, a file that is not Parquet, a file cut short', () => {
    expect(thrown(() => parquetSource({ path: tmp.path('nope.parquet') })).message).toBe(`${tmp.path('nope.parquet')}: file not found.`);
    const text = tmp.write('text.parquet', 'a,b\n1,2\n');
    expect(thrown(() => parquetSource({ path: text })).message).toBe(`${text}: not a Parquet file: it does not start with the magic bytes "PAR1".`);
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: columnsOf(10) }));
    const cut = tmp.write('cut.parquet', bytes.subarray(0, bytes.length - 20));
    const error = thrown(() => parquetSource({ path: cut }));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toBe(`${cut}: truncated Parquet file: no footer at its end.`);
  });

  it('a missing column, a text column as a coordinate, a float label column, when created', () => {
    expect(thrown(() => parquetSource({ path: points, columns: ['a', 'z'] })).message).toBe(`${points}: column 'z': missing column (columns: a, b, c, d, s, k).`);
    expect(thrown(() => parquetSource({ path: points, columns: ['s'] })).message).toBe(`${points}: column 's': not a numeric column (it holds BYTE_ARRAY (UTF8)).`);
    expect(thrown(() => parquetSource({ path: points, label: 'b' })).message).toBe(`${points}: column 'b': the label column holds FLOAT, not integers.`);
  });

  it('a footer whose schema list is damaged (a child count that does not add up), when created', () => {
    const metadata = readParquetMetadata(points);
    const damaged = { ...metadata, schema: [{ ...metadata.schema[0], num_children: metadata.schema.length + 3 }, ...metadata.schema.slice(1)] };
    const error = thrown(() => parquetLayout(points, damaged, {}));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toMatch(new RegExp(`^${points}: unreadable Parquet schema \\(.+\\)\\.$`));
  });

  it('a damaged page: the row groups before it are emitted, then an error naming the row and the row group', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: columnsOf(900), rowGroupSize: 300 }));
    const page = Number(parquetMetadata(bytes.buffer).row_groups[1].columns[0].meta_data!.data_page_offset);
    bytes.fill(0xff, page, page + 8); // the page header (Thrift) of column a in row group 1
    const path = tmp.write('bad-page.parquet', bytes);
    const { batches, error } = await untilError(parquetSource({ path, columns: ['a', 'b'] }), ctx(900, 100));
    expect(batches.map((b) => b.numRows)).toEqual([100, 100, 100]);
    expect(error).toMatchObject({ name: 'DataFileError', row: 301, rowGroup: 1 });
    expect(error!.message).toMatch(new RegExp(`^${path}: row 301, row group 1: unreadable Parquet data \\(.+\\)\\.$`));
  });

  for (const [name, value, problem] of [
    ['null', null, 'null cell: expected a number'],
    ['nan', Number.NaN, "NaN cell: coordinates must be finite numbers, got 'NaN'"],
    ['infinite', Number.POSITIVE_INFINITY, "infinite cell: coordinates must be finite numbers, got 'Infinity'"],
  ] as const) {
    it(`a ${name} cell errors before its batch is emitted`, async () => {
      const path = write(`${name}.parquet`, columnsOf(1000, (a) => (a[650] = value)));
      const { batches, error } = await untilError(parquetSource({ path, columns: ['b', 'a'] }), ctx(1000, 100));
      expect(batches.map((b) => b.numRows)).toEqual([100, 100, 100, 100, 100, 100]);
      expect(error!.message).toBe(`${path}: row 651, column 'a': ${problem}.`);
    });
  }
});
