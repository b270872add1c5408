import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, openSync } from 'node:fs';
import { Float64, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createRunContext, makeParticleBatch, particlesToIpc, stepsOf, timesOf } from '@scoreflow/core';
import { openParticleFile } from '@scoreflow/core/node';
import { collect, sameBits } from '../../testing/collect.js';
import { DataFileError } from '../data-file-error.js';
import { tempDir } from '../testing/temp-dir.js';
import { readInWorker } from '../testing/read-in-worker.js';
import { thrown, untilError } from '../testing/until-error.js';
import { arrowSource } from './arrow-source.js';
import { readArrowSchema } from './arrow-schema.js';
import { ipcFrames } from './ipc-frames.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const ctx = (particles: number, batchSize = 1000) => createRunContext({ dim: 2, particles, batchSize, seed: 1, name: 'arrow-test' });

/** Positions of chain c (ids 100c..) at step s: x = (id + s / 100, -id). */
const positions = (first: number, n: number, step: number) => Float32Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? first + (k >> 1) + step / 100 : -(first + (k >> 1))));

/** A particle file as a run writes it: two input batches of 300 and 200 particles, snapshots at steps 0, 5, 10 each. */
function writeParticleFile(name: string, format: 'file' | 'stream'): string {
  const path = tmp.path(name);
  const writer = openParticleFile(path, format);
  for (const [first, n] of [[0, 300], [300, 200]]) {
    for (const step of [0, 5, 10]) {
      const label = Int32Array.from({ length: n }, (_, i) => (first + i) % 4);
      writer.write(makeParticleBatch({ x: positions(first, n, step), dim: 2, id: first, step, t: 1 - step / 10, label, metadata: { run: 'r', seed: 9 } }));
    }
  }
  writer.close();
  return path;
}

/** A plain table of n rows in record batches of `per` rows: u = i / 2 (Float64), v = 3 - i (Int32), w = i (Int64), name (Utf8), k = i % 5 (Int32). */
function plainTable(n: number, per: number, edit: (u: Float64Array, i: number) => void = () => undefined): Table {
  const chunks: Table[] = [];
  for (let first = 0; first < n; first += per) {
    const m = Math.min(per, n - first);
    const u = Float64Array.from({ length: m }, (_, i) => (first + i) / 2);
    for (let i = 0; i < m; i++) edit(u, first + i);
    chunks.push(
      new Table({
        u: vectorFromArray(u),
        v: vectorFromArray(Int32Array.from({ length: m }, (_, i) => 3 - first - i)),
        w: vectorFromArray(BigInt64Array.from({ length: m }, (_, i) => BigInt(first + i))),
        name: vectorFromArray(Array.from({ length: m }, (_, i) => `p${first + i}`), new Utf8()),
        k: vectorFromArray(Int32Array.from({ length: m }, (_, i) => (first + i) % 5)),
      }),
    );
  }
  return chunks.reduce((all, chunk) => all.concat(chunk));
}
const plainRow = (i: number) => [i / 2, 3 - i, i];

describe('arrowSource on a particle file of scoreflow', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`reads the largest step of the ${format} format by default, with labels, ids 0.. in file order, step 0 and t 0`, async () => {
      const source = arrowSource({ path: writeParticleFile(`particles.${format}.arrow`, format) });
      expect(source).toMatchObject({ name: 'arrow', dim: 2 });
      const { x, ids, labels, batches } = await collect(source, ctx(10_000, 128));
      expect(x).toEqual(Float32Array.from([...positions(0, 300, 10), ...positions(300, 200, 10)]));
      expect(labels).toEqual(Int32Array.from({ length: 500 }, (_, i) => i % 4));
      expect(ids).toEqual(Uint32Array.from({ length: 500 }, (_, i) => i));
      expect(batches.map((b) => b.numRows)).toEqual([128, 128, 128, 116]);
      expect(batches.every((b) => stepsOf(b).every((s) => s === 0) && timesOf(b).every((t) => t === 0))).toBe(true);
    });
  }

  it('reads the snapshot `step` asked for', async () => {
    const { x } = await collect(arrowSource({ path: writeParticleFile('step.arrow', 'file'), step: 5 }), ctx(10_000));
    expect(x).toEqual(Float32Array.from([...positions(0, 300, 5), ...positions(300, 200, 5)]));
  });

  it('gives the same particles for any batch size, and caps them at ctx.particles', async () => {
    const source = arrowSource({ path: writeParticleFile('sizes.arrow', 'stream') });
    const runs = await Promise.all([1, 7, 100, 4096].map((batchSize) => collect(source, ctx(450, batchSize))));
    expect(runs[0].x.length).toBe(900);
    for (const run of runs.slice(1)) expect(sameBits(run.x, runs[0].x) && sameBits(run.labels!, runs[0].labels!)).toBe(true);
  });

  it('rejects a step that has no rows, listing the steps of the file', async () => {
    const path = writeParticleFile('no-step.arrow', 'file');
    const { batches, error } = await untilError(arrowSource({ path, step: 7 }), ctx(1000));
    expect(batches).toEqual([]);
    expect(error!.message).toBe(`${path}: column 'step': no rows at step 7 (steps in the file: 0, 5, 10).`);
  });

  it('rejects a NaN position before emitting its batch', async () => {
    const path = tmp.path('nan-particles.arrow');
    const x = positions(0, 300, 0);
    x[2 * 250 + 1] = Number.NaN;
    const writer = openParticleFile(path);
    writer.write(makeParticleBatch({ x, dim: 2, id: 0, step: 0, t: 0 }));
    writer.close();
    const { batches, error } = await untilError(arrowSource({ path }), ctx(1000, 100));
    expect(batches.map((b) => b.numRows)).toEqual([100, 100]);
    expect(error!.message).toBe(`${path}: row 251, column 'x[1]': NaN cell: coordinates must be finite numbers, got 'NaN'.`);
  });
});

describe('arrowSource on plain numeric columns', () => {
  const plain = tmp.write('plain.arrow', tableToIPC(plainTable(1000, 300), 'file'));

  it('reads every numeric column by default (Float64, Int32, Int64), skipping text', async () => {
    const source = arrowSource({ path: plain });
    expect(source.dim).toBe(4);
    const { x, labels } = await collect(source, ctx(1000));
    expect(x).toEqual(Float32Array.from(Array.from({ length: 1000 }, (_, i) => [...plainRow(i), i % 5]).flat()));
    expect(labels).toBeUndefined();
  });

  it('reads the columns asked for, with a label column, across record batches', async () => {
    const source = arrowSource({ path: plain, columns: ['w', 0], label: 'k' });
    expect(source.dim).toBe(2);
    const { x, labels, batches } = await collect(source, ctx(1000, 400));
    expect(batches.map((b) => b.numRows)).toEqual([400, 400, 200]);
    expect(x).toEqual(Float32Array.from(Array.from({ length: 1000 }, (_, i) => [i, i / 2]).flat()));
    expect(labels).toEqual(Int32Array.from({ length: 1000 }, (_, i) => i % 5));
  });

  it('reads the stream format the same way, and stops at ctx.particles', async () => {
    const stream = tmp.write('plain.stream.arrow', tableToIPC(plainTable(1000, 300), 'stream'));
    const [fromFile, fromStream] = await Promise.all([plain, stream].map((path) => collect(arrowSource({ path, columns: ['u', 'v'] }), ctx(650, 64))));
    expect(fromStream.x.length).toBe(1300);
    expect(sameBits(fromStream.x, fromFile.x)).toBe(true);
  });

  it('rejects a missing or non-numeric column, and `step`, when created', () => {
    expect(thrown(() => arrowSource({ path: plain, columns: ['u', 'z'] })).message).toBe(`${plain}: column 'z': missing column (columns: u, v, w, name, k).`);
    expect(thrown(() => arrowSource({ path: plain, columns: ['name'] })).message).toMatch(/column 'name': not a numeric column \(it holds Utf8\)/);
    expect(thrown(() => arrowSource({ path: plain, label: 'u' })).message).toMatch(/column 'u': the label column holds Float64, not integers/);
    expect(thrown(() => arrowSource({ path: plain, step: 3 })).message).toMatch(/step picks a snapshot of a particle file/);
  });

  it('rejects a null cell and a NaN cell before emitting their batch', async () => {
    const withNull = new Table({ a: vectorFromArray(Array.from({ length: 300 }, (_, i) => (i === 210 ? null : i)), new Float64()), b: vectorFromArray(new Int32Array(300)) });
    const nullPath = tmp.write('null.arrow', tableToIPC(withNull));
    const nulls = await untilError(arrowSource({ path: nullPath }), ctx(1000, 100));
    expect(nulls.batches.map((b) => b.numRows)).toEqual([100, 100]);
    expect(nulls.error!.message).toBe(`${nullPath}: row 211, column 'a': null cell: expected a number.`);

    const nanPath = tmp.write('nan.arrow', tableToIPC(plainTable(1000, 300, (u, i) => i === 700 && (u[i - 600] = Number.NaN))));
    const nans = await untilError(arrowSource({ path: nanPath, columns: ['v', 'u'] }), ctx(1000, 256));
    expect(nans.batches.map((b) => b.numRows)).toEqual([256, 256]);
    expect(nans.error).toMatchObject({ name: 'DataFileError', row: 701, column: 'u' });
  });

  it('rejects a label that does not fit Int32', async () => {
    const path = tmp.write('big-label.arrow', tableToIPC(tableFromArrays({ a: new Float32Array(3), k: BigInt64Array.from([1n, 2n, 1n << 40n]) })));
    const { error } = await untilError(arrowSource({ path, label: 'k' }), ctx(10));
    expect(error!.message).toBe(`${path}: row 3, column 'k': label cell outside the Int32 range, got '1099511627776'.`);
  });
});

describe('arrowSource rejects files that are not (whole) Arrow IPC', () => {
  it('a missing file, a file of another format', () => {
    expect(thrown(() => arrowSource({ path: tmp.path('nope.arrow') })).message).toBe(`${tmp.path('nope.arrow')}: file not found.`);
    const csv = tmp.write('text.arrow', 'a,b\n1,2\n');
    const error = thrown(() => arrowSource({ path: csv }));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toMatch(/text\.arrow: not an Arrow IPC file or stream: it starts neither with the magic bytes "ARROW1"/);
  });

  it('a file-format file cut short (no footer), when created', () => {
    const bytes = particlesToIpc([makeParticleBatch({ x: positions(0, 100, 0), dim: 2, id: 0, step: 0, t: 0 })], 'file');
    const path = tmp.write('cut.arrow', bytes.subarray(0, bytes.length - 40));
    expect(thrown(() => arrowSource({ path })).message).toBe(`${path}: truncated Arrow IPC file: no footer at its end (was the writer closed?).`);
  });

  it('a stream cut short in a batch: the batches before it are emitted (step given), then an error', async () => {
    const batches = [0, 1, 2].map((b) => makeParticleBatch({ x: positions(100 * b, 100, 0), dim: 2, id: 100 * b, step: 0, t: 0 }));
    const bytes = particlesToIpc(batches, 'stream');
    const path = tmp.write('cut.stream.arrow', bytes.subarray(0, bytes.length - 300));
    const { batches: emitted, error } = await untilError(arrowSource({ path, step: 0 }), ctx(1000, 100));
    expect(emitted.map((b) => b.numRows)).toEqual([100, 100]);
    expect(error!.message).toMatch(/cut\.stream\.arrow: row 201, byte \d+: truncated or corrupt Arrow IPC message: its body of \d+ bytes runs past the end of the data \(\d+ bytes left\)\.$/);
    // Looking for the largest step reads the whole file first: the error comes before any batch.
    const whole = await untilError(arrowSource({ path }), ctx(1000, 100));
    expect(whole.batches).toEqual([]);
    expect(whole.error!.message).toBe(error!.message);
  });

  it('a flipped byte in a message marker or length: an error naming the file, the row and the byte, within seconds', async () => {
    // Was: the file format's reader looped for ever on the message (no output), the stream's waited.
    const batches = [0, 1, 2].map((b) => makeParticleBatch({ x: positions(100 * b, 100, 0), dim: 2, id: 100 * b, step: 0, t: 0 }));
    const damaged = (['file', 'stream'] as const).flatMap((format) => {
      const bytes = particlesToIpc(batches, format);
      const { start, end } = readArrowSchema(tmp.write(`whole.${format}.arrow`, bytes));
      const fd = openSync(tmp.path(`whole.${format}.arrow`), 'r');
      const second = [...ipcFrames(fd, start, end)].filter((frame) => frame.message.isRecordBatch())[1].byte;
      closeSync(fd);
      const flip = (at: number, mask: number, name: string) => {
        const copy = bytes.slice();
        copy[at] ^= mask;
        return { path: tmp.write(`${name}.${format}.arrow`, copy), byte: second };
      };
      return [
        { ...flip(second, 0xff, 'marker'), problem: 'corrupt Arrow IPC message: bad length -256 (expected the marker 0xFFFFFFFF, then a length > 0).' },
        { ...flip(second + 7, 0x40, 'length'), problem: expect.stringMatching(/^truncated or corrupt Arrow IPC message: its metadata of \d+ bytes runs past the end of the data/) },
      ];
    });
    const outcomes = await readInWorker(damaged.map(({ path }) => ({ name: path, source: 'arrow', options: { path } })), 10);
    damaged.forEach(({ path, byte, problem }, k) => {
      expect(outcomes[k]).toMatchObject({ kind: 'rejected', at: 'sample', name: 'DataFileError' });
      expect((outcomes[k] as { message: string }).message.startsWith(`${path}: row 101, byte ${byte}: `)).toBe(true);
      expect((outcomes[k] as { message: string }).message.slice(`${path}: row 101, byte ${byte}: `.length)).toEqual(problem);
    });
  });

  it('a flipped byte in a record batch\'s row count (2 billion rows over 100): an error at once, not minutes of reading', async () => {
    const bytes = particlesToIpc([makeParticleBatch({ x: positions(0, 100, 0), dim: 2, id: 0, step: 0, t: 0 })], 'stream');
    const fd = openSync(tmp.write('rows.stream.arrow', bytes), 'r');
    const batch = [...ipcFrames(fd, 0, bytes.length)].find((frame) => frame.message.isRecordBatch())!;
    closeSync(fd);
    // The header's length is an int64 of 100: set a high byte of it.
    const view = new DataView(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    const at = Array.from({ length: batch.bytes.length - 8 }, (_, i) => i).find((i) => i >= 8 && view.getBigInt64(i, true) === 100n)!;
    const copy = bytes.slice();
    copy[batch.byte + at + 3] ^= 0x76;
    const path = tmp.write('rows-flipped.stream.arrow', copy);
    const [outcome] = await readInWorker([{ name: path, source: 'arrow', options: { path } }], 10);
    expect(outcome).toMatchObject({ kind: 'rejected', at: 'sample', name: 'DataFileError' });
    expect((outcome as { message: string }).message).toBe(`${path}: row 1, byte ${batch.byte}: corrupt Arrow IPC message: column 'id': 1979711588 values in a buffer of 100.`);
  });

  it('a flipped byte in the count of a record batch header\'s buffers: an error at once, not minutes of decoding', async () => {
    const bytes = particlesToIpc([makeParticleBatch({ x: positions(0, 100, 0), dim: 2, id: 0, step: 0, t: 0 })], 'stream');
    const path = tmp.write('buffers.stream.arrow', bytes);
    const fd = openSync(path, 'r');
    const batch = [...ipcFrames(fd, 0, bytes.length)].find((frame) => frame.message.isRecordBatch())!;
    closeSync(fd);
    // The buffers vector's length is the uint32 after the field's offset: find it by its value in the metadata.
    const metadata = batch.bytes.subarray(8, 8 + new DataView(batch.bytes.buffer, batch.bytes.byteOffset).getInt32(4, true));
    const count = (batch.message.header() as { readonly buffers: readonly unknown[] }).buffers.length;
    const at = metadata.findIndex((_, i) => i % 4 === 0 && new DataView(metadata.buffer, metadata.byteOffset + i, 4).getUint32(0, true) === count && i > 16);
    const copy = bytes.slice();
    copy[batch.byte + 8 + at + 2] ^= 0xe0;
    const damaged = tmp.write('buffers-flipped.stream.arrow', copy);
    const { error } = await untilError(arrowSource({ path: damaged, step: 0 }), ctx(1000));
    expect(error!.message).toMatch(/: row 1, byte \d+: corrupt Arrow IPC message: the record batch header lists \d{8} entries, more than the \d+ bytes of metadata hold\.$/);
  });
});
