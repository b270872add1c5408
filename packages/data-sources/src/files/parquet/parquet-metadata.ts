import { type FileMetaData, parquetMetadata } from 'hyparquet';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { readBytesSync, withFileSync } from '../file-access.js';

/** "PAR1": the first and last four bytes of a Parquet file. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];
const hasMagic = (bytes: Uint8Array) => bytes.length >= 4 && MAGIC.every((byte, i) => bytes[i] === byte);

/**
 * Reads the metadata (schema, row groups) of a Parquet file synchronously from its footer
 * (`<metadata><uint32 length>PAR1` at its end), without reading the data. Throws
 * `DataFileError` for a missing file, a file that is not Parquet, a truncated file (no footer)
 * or unreadable metadata.
 */
export function readParquetMetadata(file: string): FileMetaData {
  return withFileSync(file, (fd, size) => {
    if (!hasMagic(readBytesSync(fd, 0, 4))) throw new DataFileError(file, 'not a Parquet file: it does not start with the magic bytes "PAR1"');
    const tail = size >= 12 ? readBytesSync(fd, size - 8, 8) : new Uint8Array(0);
    if (!hasMagic(tail.subarray(4))) throw new DataFileError(file, 'truncated Parquet file: no footer at its end');
    const length = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
    if (length > size - 12) throw new DataFileError(file, `corrupt Parquet file: metadata length ${length} does not fit its ${size} bytes`);
    const footer = readBytesSync(fd, size - 8 - length, length + 8);
    try {
      return parquetMetadata(footer);
    } catch (error) {
      throw new DataFileError(file, `unreadable Parquet metadata (${quotedReason(error)})`, {}, { cause: error });
    }
  });
}
