import { gzipSync } from 'node:zlib';
import { Dictionary, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { makeParticleBatch, particlesToIpc } from '@scoreflow/core';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '../../images/idx-header.js';
import { idxBytes, testImages, testLabels } from '../../images/testing/idx-bytes.js';

/** Small valid files of every format the file sources read, as bytes (test helpers). */

/** Rows of the sample tables: x = i / 4 - 3, y = 2 - i / 8, label = i % 3. */
const ROWS = 60;
const xOf = (i: number) => i / 4 - 3;
const yOf = (i: number) => 2 - i / 8;

/** A particle file as a run writes it (Arrow IPC `file` or `stream`): two input batches of 30 particles, snapshots at steps 0 and 4, with labels. */
export function sampleParticleFile(format: 'file' | 'stream'): Uint8Array {
  const batches = [0, 30].flatMap((first) =>
    [0, 4].map((step) => {
      const x = Float32Array.from({ length: 60 }, (_, k) => (k % 2 === 0 ? xOf(first + (k >> 1)) : yOf(first + (k >> 1))) + step);
      return makeParticleBatch({ x, dim: 2, id: first, step, t: 1 - step / 4, label: Int32Array.from({ length: 30 }, (_, i) => (first + i) % 3) });
    }),
  );
  return particlesToIpc(batches, format);
}

/** A plain Arrow table in three record batches: u (Float64), v (Int32), k (label, Int32) and a dictionary-encoded text column. */
export function sampleArrowTable(format: 'file' | 'stream'): Uint8Array {
  const table = new Table({
    u: vectorFromArray(Float64Array.from({ length: ROWS }, (_, i) => xOf(i))),
    v: vectorFromArray(Int32Array.from({ length: ROWS }, (_, i) => i)),
    k: vectorFromArray(Int32Array.from({ length: ROWS }, (_, i) => i % 3)),
    name: vectorFromArray(Array.from({ length: ROWS }, (_, i) => `p${i % 4}`), new Dictionary(new Utf8(), new Int32())),
  });
  // Slices share the one dictionary (the file format allows no replacement dictionaries).
  return tableToIPC(table.slice(0, 20).concat(table.slice(20, 40), table.slice(40)), format);
}

/** A Parquet file (hyparquet-writer, Snappy) in three row groups of 20 rows: x (DOUBLE), y (FLOAT), label (INT32), s (text). */
export function sampleParquet(): Uint8Array {
  const columnData = [
    { name: 'x', data: Float64Array.from({ length: ROWS }, (_, i) => xOf(i)) },
    { name: 'y', data: Float32Array.from({ length: ROWS }, (_, i) => yOf(i)) },
    { name: 'label', data: Int32Array.from({ length: ROWS }, (_, i) => i % 3) },
    { name: 's', data: Array.from({ length: ROWS }, (_, i) => `row ${i}`) },
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 20 }));
}

/** A CSV file with a header: x, y, label. */
export function sampleCsv(): Uint8Array {
  const lines = ['x,y,label', ...Array.from({ length: ROWS }, (_, i) => `${xOf(i)},${yOf(i)},${i % 3}`)];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** IDX images (30 of 4x6 pixels) and their labels (0-9), plain or gzipped. */
export function sampleIdx(gzip: boolean): { readonly images: Uint8Array; readonly labels: Uint8Array } {
  const images = idxBytes(IDX_IMAGES_MAGIC, [30, 4, 6], testImages(30, 4, 6));
  const labels = idxBytes(IDX_LABELS_MAGIC, [30], testLabels(30));
  return gzip ? { images: gzipSync(images), labels: gzipSync(labels) } : { images, labels };
}
