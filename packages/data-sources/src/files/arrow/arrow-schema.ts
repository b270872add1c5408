import { MessageHeader, type Schema } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { readBytesSync, withFileSync } from '../file-access.js';
import { footerVectorProblem } from './flatbuffer-vectors.js';
import { type IpcFrame, IpcFrameError, ipcFrames } from './ipc-frames.js';

/** The two Arrow IPC formats: `file` (magic, messages, footer) and `stream` (messages only). */
export type ArrowFormat = 'file' | 'stream';

/** What `readArrowSchema` finds. */
export interface ArrowFileSchema {
  readonly format: ArrowFormat;
  readonly schema: Schema;
  /** Where the messages start: 0 for a stream, 8 (after the magic and its padding) for a file. */
  readonly start: number;
  /** Where they end: the file's size for a stream, the start of the footer for a file. */
  readonly end: number;
}

/** "ARROW1": the first and last six bytes of an Arrow IPC file. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const hasMagic = (bytes: Uint8Array) => bytes.length >= 6 && MAGIC.every((byte, i) => bytes[i] === byte);
/** The magic and its padding to 8 bytes, at the start of a file. */
const HEAD_BYTES = 8;
/** The footer length (int32) and the magic, at the end of a file. */
const TAIL_BYTES = 10;

/**
 * Reads the schema of an Arrow IPC file or stream synchronously, without reading its batches,
 * and where its messages lie. The format is told by the magic bytes "ARROW1" at the start of
 * the file format; a stream starts with its schema message (its lengths checked against the
 * file's size, see `ipcFrames`). A file's schema is read from its footer (Arrow JS's writer
 * puts it only there): the last ten bytes are the footer length and the magic again. Throws
 * `DataFileError` for a missing file, a file of neither format, a file without footer (a
 * truncated file or an unclosed writer) or an unreadable schema.
 */
export function readArrowSchema(file: string): ArrowFileSchema {
  return withFileSync(file, (fd, size) => {
    const head = readBytesSync(fd, 0, HEAD_BYTES);
    if (hasMagic(head)) return fileSchema(file, fd, size);
    if (head.length < HEAD_BYTES) throw new DataFileError(file, `not an Arrow IPC file or stream: only ${head.length} bytes`);
    let first: IteratorResult<IpcFrame>;
    try {
      first = ipcFrames(fd, 0, size).next();
    } catch (error) {
      if (!(error instanceof IpcFrameError)) throw error;
      // After the stream's marker 0xFFFFFFFF it is a stream, cut short or damaged; else it is something else.
      if (head.every((byte, i) => i >= 4 || byte === 0xff)) throw new DataFileError(file, error.problem, { byte: error.byte }, { cause: error });
      throw new DataFileError(file, 'not an Arrow IPC file or stream: it starts neither with the magic bytes "ARROW1" nor with a schema message', {}, { cause: error });
    }
    if (first.done === true || first.value.message.headerType !== MessageHeader.Schema) {
      throw new DataFileError(file, 'not an Arrow IPC file or stream: it starts neither with the magic bytes "ARROW1" nor with a schema message');
    }
    const { message } = first.value;
    return { format: 'stream', schema: decode(file, () => message.header() as Schema), start: 0, end: size };
  });
}

/** The schema in the footer of an Arrow IPC file: `<footer><int32 length>ARROW1` at its end. */
function fileSchema(file: string, fd: number, size: number): ArrowFileSchema {
  const tail = size >= HEAD_BYTES + TAIL_BYTES ? readBytesSync(fd, size - TAIL_BYTES, TAIL_BYTES) : new Uint8Array(0);
  if (!hasMagic(tail.subarray(4))) {
    throw new DataFileError(file, 'truncated Arrow IPC file: no footer at its end (was the writer closed?)');
  }
  const length = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  const footerStart = size - TAIL_BYTES - length;
  if (length <= 0 || footerStart < HEAD_BYTES) {
    throw new DataFileError(file, `corrupt Arrow IPC file: footer length ${length} does not fit its ${size} bytes`, { byte: size - TAIL_BYTES });
  }
  // Arrow's footer decoder (Arrow's file reader would also read the dictionaries the footer lists,
  // such as a particle file's `stage_name`, which lie before the footer).
  const footer = readBytesSync(fd, footerStart, length);
  const vectors = footerVectorProblem(footer);
  if (vectors !== undefined) throw new DataFileError(file, `corrupt Arrow IPC footer: ${vectors}`, { byte: footerStart });
  return { format: 'file', schema: decode(file, () => Footer.decode(footer).schema, footerStart), start: HEAD_BYTES, end: footerStart };
}

/** Runs `read`, turning Arrow's errors into a `DataFileError` naming the file. */
function decode(file: string, read: () => Schema | null | undefined, byte?: number): Schema {
  let schema: Schema | null | undefined;
  try {
    schema = read();
  } catch (error) {
    throw new DataFileError(file, `unreadable Arrow IPC schema (${quotedReason(error)})`, { byte }, { cause: error });
  }
  if (schema == null) throw new DataFileError(file, 'unreadable Arrow IPC schema', { byte });
  return schema;
}
