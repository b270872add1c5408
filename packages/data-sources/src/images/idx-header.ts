import { DataFileError } from '../files/data-file-error.js';

/** IDX type code of unsigned bytes, the only one Fashion-MNIST (and MNIST) use. */
export const IDX_UNSIGNED_BYTE = 0x08;

/** Magic number of an IDX file of unsigned-byte images: type 0x08, 3 dimensions (count, rows, columns). */
export const IDX_IMAGES_MAGIC = 0x00000803;

/** Magic number of an IDX file of unsigned-byte labels: type 0x08, 1 dimension (count). */
export const IDX_LABELS_MAGIC = 0x00000801;

/** The header of an IDX file (LeCun's format: yann.lecun.com/exdb/mnist). */
export interface IdxHeader {
  /** The magic number: two zero bytes, the type code, the number of dimensions. */
  readonly magic: number;
  /** The dimensions, e.g. [count, rows, columns] for images. */
  readonly dims: readonly number[];
  /** Size of the header in bytes (4 + 4 per dimension); the data follows it. */
  readonly bytes: number;
}

/** How many bytes the header of an IDX file with `magic` takes. */
export const idxHeaderBytes = (magic: number): number => 4 + 4 * (magic & 0xff);

/**
 * Decodes the header at the start of IDX data: a big-endian magic number (0x00, 0x00, type
 * code, number of dimensions) and one big-endian uint32 per dimension. Throws `DataFileError`
 * naming `file` when the magic is not `expected` (e.g. a labels file given for images) or the
 * data ends inside the header.
 *
 * @example
 * decodeIdxHeader('t10k-images-idx3-ubyte', bytes, IDX_IMAGES_MAGIC); // { magic: 0x803, dims: [10000, 28, 28], bytes: 16 }
 */
export function decodeIdxHeader(file: string, bytes: Uint8Array, expected: number): IdxHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= 4 ? view.getUint32(0, false) : undefined;
  if (magic !== expected) {
    const found = magic === undefined ? `only ${bytes.length} bytes` : `magic number ${hex(magic)}`;
    throw new DataFileError(file, `not an IDX file of ${describe(expected)}: expected magic number ${hex(expected)}, found ${found}`);
  }
  const size = idxHeaderBytes(magic);
  if (bytes.length < size) throw new DataFileError(file, `truncated IDX file: the header needs ${size} bytes, the file has ${bytes.length}`);
  const dims = Array.from({ length: magic & 0xff }, (_, k) => view.getUint32(4 + 4 * k, false));
  return { magic, dims, bytes: size };
}

/** `0x00000803`. */
const hex = (value: number) => `0x${value.toString(16).padStart(8, '0')}`;

/** What an IDX magic number stands for, in words. */
function describe(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return 'images (unsigned bytes, 3 dimensions)';
  if (magic === IDX_LABELS_MAGIC) return 'labels (unsigned bytes, 1 dimension)';
  return `type 0x${((magic >> 8) & 0xff).toString(16)} with ${magic & 0xff} dimensions`;
}
