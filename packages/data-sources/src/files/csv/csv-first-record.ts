import { parse } from 'csv-parse/sync';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { readBytesSync, withFileSync } from '../file-access.js';

/** How many bytes the first record of a CSV file may span at most. */
const MAX_FIRST_RECORD_BYTES = 1 << 26;
const CHUNK = 1 << 16;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Reads the cells of the first non-empty record of a CSV file synchronously, without reading the rest: the
 * header (or the first data row), which fixes the file's columns. Reads up to the first newline
 * outside double quotes that ends a non-blank line. Throws `DataFileError` for a missing or
 * empty file, or a first record the CSV parser rejects.
 */
export function readCsvFirstRecord(file: string, delimiter: string): string[] {
  const text = withFileSync(file, (fd, size) => {
    const chunks: Uint8Array[] = [];
    let inQuotes = false;
    let blank = true;
    for (let position = 0; position < size; ) {
      const chunk = readBytesSync(fd, position, Math.min(CHUNK, size - position));
      if (chunk.length === 0) break;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) inQuotes = !inQuotes;
        if (byte === NEWLINE && !inQuotes && !blank) {
          chunks.push(chunk.subarray(0, i + 1));
          return Buffer.concat(chunks).toString('utf8');
        }
        // Anything but spaces, control characters and a UTF-8 byte order mark makes the line non-blank.
        if (byte > 0x20 && !(byte === 0xef || byte === 0xbb || byte === 0xbf)) blank = false;
      }
      chunks.push(chunk);
      position += chunk.length;
      if (position > MAX_FIRST_RECORD_BYTES) throw new DataFileError(file, `the first row is longer than ${MAX_FIRST_RECORD_BYTES} bytes`, { row: 1 });
    }
    return Buffer.concat(chunks).toString('utf8');
  });
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, to: 1 });
  } catch (error) {
    throw new DataFileError(file, `not readable as CSV (${quotedReason(error)})`, { row: 1 }, { cause: error });
  }
  if (records.length === 0) throw new DataFileError(file, 'the file is empty (no header or data rows)');
  return records[0];
}
