import { DataFileError } from '../files/data-file-error.js';
import type { RowBlock } from '../files/row-block.js';
import { byteReader } from './byte-reader.js';
import { type IdxFile, idxData } from './idx-file.js';
import { poolImages } from './pool-images.js';

/** Images per block handed on. */
const BLOCK_IMAGES = 1024;

/** An images file, its optional labels file (headers read and checked), the pooling factor and the number of classes. */
export interface IdxImageFiles {
  readonly images: IdxFile;
  readonly labels: IdxFile | undefined;
  readonly downsample: number;
  /** Labels must be classes `0 .. classes - 1`. */
  readonly classes: number;
}

/** What one kind of IDX file holds, in words, for messages: `images of 28x28` or `labels`. */
export const idxItems = (idx: IdxFile): string => (idx.header.dims.length === 3 ? `images of ${idx.header.dims[1]}x${idx.header.dims[2]}` : 'labels');

/** The error for an IDX file whose data ends after `complete` of its items (row `complete + 1` is the first missing). */
export function truncatedIdx(idx: IdxFile, complete: number): DataFileError {
  return new DataFileError(idx.file, `truncated file: the header promises ${idx.header.dims[0]} ${idxItems(idx)}, the data ends after ${complete}`, { row: complete + 1 });
}

/**
 * Streams at most `limit` images of an IDX images file as blocks of particles: each image
 * average-pooled by `downsample` and scaled to [-1, 1] (`poolImages`), with the class from the
 * labels file as its label. Both files are read as they are consumed (inflated on the fly when
 * gzipped). Images before a truncation or a label outside `0 .. classes - 1` are yielded, then a
 * `DataFileError` names the file and the first missing image or bad label (as its 1-based row).
 */
export async function* readIdxImages(files: IdxImageFiles, limit: number): AsyncGenerator<RowBlock> {
  const { images, labels, downsample, classes } = files;
  const [count, height, width] = images.header.dims;
  const pixelsPerImage = height * width;
  const dim = pixelsPerImage / (downsample * downsample);
  const total = Math.min(count, limit);
  const pixels = byteReader(idxData(images));
  const labelReader = labels === undefined ? undefined : byteReader(idxData(labels));
  try {
    for (let first = 0; first < total; first += BLOCK_IMAGES) {
      const n = Math.min(BLOCK_IMAGES, total - first);
      const bytes = await pixels.read(n * pixelsPerImage);
      let good = Math.floor(bytes.length / pixelsPerImage);
      let failure = good < n ? truncatedIdx(images, first + good) : undefined;
      const labelBytes = labelReader === undefined || good === 0 ? undefined : await labelReader.read(good);
      if (labels !== undefined && labelBytes !== undefined && labelBytes.length < good) {
        good = labelBytes.length;
        failure = truncatedIdx(labels, first + good);
      }
      if (labels !== undefined && labelBytes !== undefined) {
        const bad = labelBytes.subarray(0, good).findIndex((label) => label >= classes);
        if (bad >= 0) {
          good = bad;
          failure = new DataFileError(labels.file, `label out of range: expected a class from 0 to ${classes - 1}, got ${labelBytes[bad]}`, { row: first + bad + 1 });
        }
      }
      if (good > 0) {
        const x = poolImages(bytes, good, height, width, downsample, new Float32Array(good * dim));
        yield { rows: good, x, labels: labelBytes === undefined ? undefined : Int32Array.from(labelBytes.subarray(0, good)) };
      }
      if (failure !== undefined) throw failure;
    }
  } finally {
    await pixels.close();
    await labelReader?.close();
  }
}
