import { MessageReader, type Schema } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { readBytesSync, withFileSync } from '../file-access.js';

/** The two Arrow IPC formats: `file` (magic, messages, footer) and `stream` (messages only). */
export type ArrowFormat = 'file' | 'stream';

/** What `readArrowSchema` finds. */
export interface ArrowFileSchema {
  readonly format: ArrowFormat;
  readonly schema: Schema;
}

/** "ARROW1": the first and last six bytes of an Arrow IPC file. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const hasMagic = (bytes: Uint8Array) => bytes.length >= 6 && MAGIC.every((byte, i) => bytes[i] === byte);

/**
 * Reads the schema of an Arrow IPC file or stream synchronously, without reading its batches.
 * The format is told by the magic bytes "ARROW1" at the start of the file format; a stream
 * starts with its schema message. A file's schema is read from its footer (Arrow JS's writer
 * puts it only there): the last ten bytes are the footer length and the magic again. Throws
 * `DataFileError` for a missing file, a file of neither format, a file without footer (a
 * truncated file or an unclosed writer) or an unreadable schema.
 */
export function readArrowSchema(file: string): ArrowFileSchema {
  return withFileSync(file, (fd, size) => {
    const head = readBytesSync(fd, 0, 8);
    if (hasMagic(head)) return { format: 'file', schema: fileSchema(file, fd, size) };
    if (head.length < 8) throw new DataFileError(file, `not an Arrow IPC file or stream: only ${head.length} bytes`);
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const continuation = view.getInt32(0, true) === -1;
    const length = continuation ? view.getInt32(4, true) : view.getInt32(0, true);
    const prefix = continuation ? 8 : 4;
    if (length <= 0 || prefix + length > size) {
      throw new DataFileError(file, 'not an Arrow IPC file or stream: it starts neither with the magic bytes "ARROW1" nor with a schema message');
    }
    return { format: 'stream', schema: decode(file, () => new MessageReader(readBytesSync(fd, 0, prefix + length)).readSchema(true)) };
  });
}

/** The schema in the footer of an Arrow IPC file: `<footer><int32 length>ARROW1` at its end. */
function fileSchema(file: string, fd: number, size: number): Schema {
  const tail = size >= 18 ? readBytesSync(fd, size - 10, 10) : new Uint8Array(0);
  if (!hasMagic(tail.subarray(4))) {
    throw new DataFileError(file, 'truncated Arrow IPC file: no footer at its end (was the writer closed?)');
  }
  const length = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  if (length <= 0 || length > size - 18) throw new DataFileError(file, `corrupt Arrow IPC file: footer length ${length} does not fit its ${size} bytes`);
  // Arrow's footer decoder (Arrow's file reader would also read the dictionaries the footer lists,
  // such as a particle file's `stage_name`, which lie before the footer).
  const footer = readBytesSync(fd, size - 10 - length, length);
  return decode(file, () => Footer.decode(footer).schema);
}

/** Runs `read`, turning Arrow's errors into a `DataFileError` naming the file. */
function decode(file: string, read: () => Schema | null | undefined): Schema {
  let schema: Schema | null | undefined;
  try {
    schema = read();
  } catch (error) {
    throw new DataFileError(file, `unreadable Arrow IPC schema (${quotedReason(error)})`, {}, { cause: error });
  }
  if (schema == null) throw new DataFileError(file, 'unreadable Arrow IPC schema');
  return schema;
}
