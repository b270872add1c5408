import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { DataFileError, quotedReason } from '../files/data-file-error.js';
import { accessProblem, readBytesSync, withFileSync } from '../files/file-access.js';
import { type IdxHeader, decodeIdxHeader } from './idx-header.js';

/** An IDX file whose header has been read: where its data starts and whether it is gzipped. */
export interface IdxFile {
  readonly file: string;
  readonly header: IdxHeader;
  /** Whether the file is gzip-compressed (it starts with the gzip magic bytes 0x1f 0x8b). */
  readonly gzip: boolean;
  /** Size of the file on disk, in bytes. */
  readonly size: number;
}

/** Compressed bytes read to decode a gzipped header: far more than its at most 1024 bytes need. */
const HEAD_BYTES = 1 << 16;

/**
 * Reads the header of an IDX file synchronously, without reading its data; a gzipped file
 * (`.gz`, told by its magic bytes) is inflated only as far as the header (node:zlib with a
 * sync flush, so a partial stream is fine). Throws `DataFileError` for a missing file, bad
 * gzip data, a wrong magic number or a file that ends inside the header.
 */
export function readIdxHeader(file: string, expectedMagic: number): IdxFile {
  return withFileSync(file, (fd, size) => {
    const head = readBytesSync(fd, 0, HEAD_BYTES);
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    let bytes = head;
    if (gzip) {
      try {
        bytes = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
      } catch (error) {
        throw new DataFileError(file, `corrupt gzip data (${quotedReason(error)})`, {}, { cause: error });
      }
    }
    return { file, header: decodeIdxHeader(file, bytes, expectedMagic), gzip, size };
  });
}

/**
 * The data of an IDX file after its header, as a stream of byte chunks (inflated on the fly
 * when gzipped), read from disk as it is consumed. Stopping the iteration closes the file.
 * Read and inflate errors become `DataFileError`s naming the file (a gzip stream cut short:
 * `truncated or corrupt gzip data`).
 */
export async function* idxData(idx: IdxFile): AsyncGenerator<Uint8Array> {
  const input = createReadStream(idx.file, { highWaterMark: 1 << 20 });
  const stream: Readable = idx.gzip ? input.pipe(createGunzip()) : input;
  if (stream !== input) input.on('error', (error) => stream.destroy(error));
  let skip = idx.header.bytes;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) throw new DataFileError(idx.file, `truncated or corrupt gzip data (${quotedReason(error)})`, {}, { cause: error });
    throw new DataFileError(idx.file, accessProblem(error), {}, { cause: error });
  } finally {
    input.destroy();
    stream.destroy();
  }
}
