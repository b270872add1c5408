import type { DataSource } from '@scoreflow/core';
import { DataFileError } from '../files/data-file-error.js';
import { emitRowBlocks } from '../files/emit-row-blocks.js';
import { type IdxFile, readIdxHeader } from './idx-file.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx-header.js';
import { readIdxImages, truncatedIdx } from './idx-images.js';

/** Parameters of `idxImageSource`. */
export interface IdxImageSourceOptions {
  /** IDX file of unsigned-byte images (magic 0x00000803), gzipped or not. */
  readonly images: string;
  /** IDX file of their unsigned-byte labels (magic 0x00000801), gzipped or not; none by default. */
  readonly labels?: string;
  /** Pooling factor: 1 keeps the images, 2 averages 2x2 blocks (28x28 -> 14x14). Defaults to 1. */
  readonly downsample?: number;
  /** Number of classes: every label must be one of `0 .. classes - 1`. Defaults to 10 (MNIST, Fashion-MNIST). */
  readonly classes?: number;
  /** The source's name. Defaults to `idx-images`. */
  readonly name?: string;
}

/**
 * Images as particles, from IDX files (LeCun's format of MNIST and Fashion-MNIST): one image
 * is one particle of dimension (height / downsample) * (width / downsample), its pixels
 * average-pooled and scaled from [0, 255] to [-1, 1], row-major; its class is the label.
 * Gzipped files are inflated on the fly. The headers are read when the source is created
 * (fixing `dim`); `sample(ctx)` then streams the files, `ctx.particles` capping the images read.
 * Throws `DataFileError` naming the file for a missing file, a wrong magic number, a label
 * count that differs from the image count, a `downsample` that does not divide the image
 * sides, a truncated file (at creation for a plain file, while streaming for a gzipped one), or
 * a label outside `0 .. classes - 1` (while streaming, naming its row: the 1-based image).
 *
 * @example
 * const source = idxImageSource({ images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz', downsample: 2 });
 * source.dim; // 196
 */
export function idxImageSource(options: IdxImageSourceOptions): DataSource {
  const { downsample = 1, classes = 10, name = 'idx-images' } = options;
  if (!Number.isInteger(downsample) || downsample < 1) throw new RangeError(`idxImageSource: downsample must be an integer >= 1, got ${downsample}.`);
  if (!Number.isInteger(classes) || classes < 1 || classes > 256) throw new RangeError(`idxImageSource: classes must be an integer from 1 to 256, got ${classes}.`);
  const images = readIdxHeader(options.images, IDX_IMAGES_MAGIC);
  const [count, height, width] = images.header.dims;
  if (height % downsample !== 0 || width % downsample !== 0) {
    throw new DataFileError(images.file, `downsample ${downsample} does not divide the ${height}x${width} images (use a divisor of both sides)`);
  }
  checkSize(images, height * width);
  const labels = options.labels === undefined ? undefined : readIdxHeader(options.labels, IDX_LABELS_MAGIC);
  if (labels !== undefined) {
    if (labels.header.dims[0] !== count) {
      throw new DataFileError(labels.file, `label/image count mismatch: ${labels.header.dims[0]} labels, but ${images.file} holds ${count} images`);
    }
    checkSize(labels, 1);
  }
  const dim = (height / downsample) * (width / downsample);
  return {
    name,
    dim,
    sample: (ctx) => emitRowBlocks(ctx, { file: images.file, dim, label: labels !== undefined }, (limit) => readIdxImages({ images, labels, downsample, classes }, limit)),
  };
}

/** Throws when an uncompressed IDX file is shorter than its header promises (`itemBytes` per item). */
function checkSize(idx: IdxFile, itemBytes: number): void {
  const available = idx.size - idx.header.bytes;
  if (!idx.gzip && available < idx.header.dims[0] * itemBytes) throw truncatedIdx(idx, Math.floor(available / itemBytes));
}
