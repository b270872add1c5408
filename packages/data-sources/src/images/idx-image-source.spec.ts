import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRunContext } from '@scoreflow/core';
import { collect, sameBits } from '../testing/collect.js';
import { DataFileError } from '../files/data-file-error.js';
import { tempDir } from '../files/testing/temp-dir.js';
import { thrown, untilError } from '../files/testing/until-error.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx-header.js';
import { idxImageSource } from './idx-image-source.js';
import { idxBytes, testImages, testLabels, testPixel } from './testing/idx-bytes.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const ctx = (particles: number, batchSize = 1000) => createRunContext({ dim: 24, particles, batchSize, seed: 1 });

/** 2500 test images of 4x6 pixels and their labels, plain and gzipped. */
const N = 2500;
const imageData = idxBytes(IDX_IMAGES_MAGIC, [N, 4, 6], testImages(N, 4, 6));
const labelData = idxBytes(IDX_LABELS_MAGIC, [N], testLabels(N));
const plain = { images: tmp.write('images-idx3-ubyte', imageData), labels: tmp.write('labels-idx1-ubyte', labelData) };
const gzipped = { images: tmp.write('images-idx3-ubyte.gz', gzipSync(imageData)), labels: tmp.write('labels-idx1-ubyte.gz', gzipSync(labelData)) };

describe('idxImageSource({ images, labels, downsample })', () => {
  it('reads the header (dim = height * width), the pixels scaled to [-1, 1] and the labels', async () => {
    const source = idxImageSource(plain);
    expect(source).toMatchObject({ name: 'idx-images', dim: 24 });
    const { x, labels, ids } = await collect(source, ctx(N));
    expect(x.length).toBe(N * 24);
    for (const n of [0, 1, 1023, 1024, N - 1]) {
      for (const [r, c] of [[0, 0], [1, 4], [3, 5]]) expect(x[n * 24 + r * 6 + c]).toBe(Math.fround(testPixel(n, r, c) / 127.5 - 1));
    }
    expect(labels).toEqual(Int32Array.from(testLabels(N)));
    expect(ids).toEqual(Uint32Array.from({ length: N }, (_, i) => i));
  });

  it('reads gzipped files (told by their magic bytes) exactly as plain ones', async () => {
    const [a, b] = await Promise.all([plain, gzipped].map((files) => collect(idxImageSource(files), ctx(N))));
    expect(sameBits(a.x, b.x) && sameBits(a.labels!, b.labels!)).toBe(true);
  });

  it('down-samples 4x6 to 2x3 by 2x2 average pooling', async () => {
    const source = idxImageSource({ ...gzipped, downsample: 2 });
    expect(source.dim).toBe(6);
    const { x } = await collect(source, ctx(3));
    const mean = (n: number, r: number, c: number) => (testPixel(n, 2 * r, 2 * c) + testPixel(n, 2 * r, 2 * c + 1) + testPixel(n, 2 * r + 1, 2 * c) + testPixel(n, 2 * r + 1, 2 * c + 1)) / 4;
    for (let n = 0; n < 3; n++) for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(x[n * 6 + r * 3 + c]).toBeCloseTo(mean(n, r, c) / 127.5 - 1, 6);
  });

  it('reads images without labels', async () => {
    const { labels, batches } = await collect(idxImageSource({ images: gzipped.images }), ctx(10));
    expect(labels).toBeUndefined();
    expect(batches[0].numRows).toBe(10);
  });

  it('gives the same particles for any batch size, and caps them at ctx.particles', async () => {
    const runs = await Promise.all([1, 7, 1000, 4096].map((batchSize) => collect(idxImageSource(gzipped), ctx(2100, batchSize))));
    expect(runs[3].batches.map((b) => b.numRows)).toEqual([2100]);
    expect(runs[2].batches.map((b) => b.numRows)).toEqual([1000, 1000, 100]);
    for (const run of runs.slice(1)) expect(sameBits(run.x, runs[0].x) && sameBits(run.labels!, runs[0].labels!)).toBe(true);
  });
});

describe('idxImageSource rejects bad files, naming the file and the problem', () => {
  it('a missing file', () => {
    expect(thrown(() => idxImageSource({ images: tmp.path('nope.gz') })).message).toBe(`${tmp.path('nope.gz')}: file not found.`);
  });

  it('a wrong magic number (labels given as images, images as labels)', () => {
    expect(thrown(() => idxImageSource({ images: gzipped.labels })).message).toMatch(/labels-idx1-ubyte\.gz: not an IDX file of images .* found magic number 0x00000801\.$/);
    expect(thrown(() => idxImageSource({ images: plain.images, labels: plain.images })).message).toMatch(/images-idx3-ubyte: not an IDX file of labels .* found magic number 0x00000803\.$/);
  });

  it('a label count that differs from the image count', () => {
    const fewer = tmp.write('fewer-labels.gz', gzipSync(idxBytes(IDX_LABELS_MAGIC, [N - 1], testLabels(N - 1))));
    const error = thrown(() => idxImageSource({ images: plain.images, labels: fewer }));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toBe(`${fewer}: label/image count mismatch: 2499 labels, but ${plain.images} holds 2500 images.`);
  });

  it('a downsample that does not divide the image sides', () => {
    expect(thrown(() => idxImageSource({ ...plain, downsample: 4 })).message).toBe(`${plain.images}: downsample 4 does not divide the 4x6 images (use a divisor of both sides).`);
  });

  it('a plain file shorter than its header promises, when created', () => {
    const cut = tmp.write('cut-images', imageData.subarray(0, 16 + 24 * 1500 + 10));
    expect(thrown(() => idxImageSource({ images: cut })).message).toBe(`${cut}: row 1501: truncated file: the header promises 2500 images of 4x6, the data ends after 1500.`);
  });

  it('a gzipped file cut short: the batches before the cut are emitted, then the error', async () => {
    const cut = tmp.write('cut-images.gz', gzipSync(imageData.subarray(0, 16 + 24 * 1500 + 10)));
    const { batches, error } = await untilError(idxImageSource({ images: cut, labels: gzipped.labels }), ctx(N, 400));
    expect(batches.map((b) => b.numRows)).toEqual([400, 400, 400]);
    expect(error!.message).toBe(`${cut}: row 1501: truncated file: the header promises 2500 images of 4x6, the data ends after 1500.`);
  });

  it('a gzip stream itself cut short', async () => {
    const zipped = gzipSync(imageData);
    const cut = tmp.write('cut-stream.gz', zipped.subarray(0, zipped.length >> 1));
    const { batches, error } = await untilError(idxImageSource({ images: cut }), ctx(N, 100));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error!.message).toMatch(/cut-stream\.gz: truncated or corrupt gzip data \(unexpected end of file\)\.$/);
    expect(batches.length).toBeLessThan(25);
  });

  it('a label outside the classes (200 of 10): the batches before it are emitted, then the error with its row and the range', async () => {
    const bad = testLabels(N);
    bad[1536] = 200;
    for (const [kind, bytes] of [['plain', idxBytes(IDX_LABELS_MAGIC, [N], bad)], ['gzipped', gzipSync(idxBytes(IDX_LABELS_MAGIC, [N], bad))]] as const) {
      const labels = tmp.write(`label-200-${kind}`, bytes);
      const { batches, error } = await untilError(idxImageSource({ images: plain.images, labels }), ctx(N, 512));
      expect(batches.map((b) => b.numRows)).toEqual([512, 512, 512]);
      expect(error).toMatchObject({ name: 'DataFileError', file: labels, row: 1537 });
      expect(error!.message).toBe(`${labels}: row 1537: label out of range: expected a class from 0 to 9, got 200.`);
    }
    // With `classes` the range is the caller's: 200 is a class of 256.
    const labels = tmp.write('label-200-256', idxBytes(IDX_LABELS_MAGIC, [N], bad));
    expect((await collect(idxImageSource({ images: plain.images, labels, classes: 256 }), ctx(N))).labels![1536]).toBe(200);
  });

  it('a gzipped labels file cut short', async () => {
    const cut = tmp.write('cut-labels.gz', gzipSync(labelData.subarray(0, 8 + 1800)));
    const { batches, error } = await untilError(idxImageSource({ images: gzipped.images, labels: cut }), ctx(N, 1000));
    expect(batches.map((b) => b.numRows)).toEqual([1000]);
    expect(error!.message).toBe(`${cut}: row 1801: truncated file: the header promises 2500 labels, the data ends after 1800.`);
  });
});

const FASHION_T10K = '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz';
describe.skipIf(!existsSync(FASHION_T10K))('idxImageSource on the installed Fashion-MNIST (dataset-fashion-mnist)', () => {
  it('reads t10k at 14x14: 196 coordinates in [-1, 1], classes 0..9, the first an ankle boot (9)', async () => {
    const source = idxImageSource({ images: FASHION_T10K, labels: FASHION_T10K.replace('images-idx3', 'labels-idx1'), downsample: 2 });
    const { x, labels } = await collect(source, createRunContext({ dim: 196, particles: 1000 }));
    expect(source.dim).toBe(196);
    expect(x.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(labels![0]).toBe(9);
    expect(new Set(labels).size).toBe(10);
  });
});
