import { ScoreflowError } from '@scoreflow/core';
import { Message, MessageHeader } from 'apache-arrow';
import { quotedReason } from '../data-file-error.js';
import { readBytesSync } from '../file-access.js';
import { messageVectorProblem } from './flatbuffer-vectors.js';

/** One encapsulated Arrow IPC message, checked: its bytes (prefix, metadata, body) and where it starts. */
export interface IpcFrame {
  /** The whole message as it is in the file: length prefix, metadata flatbuffer, body. */
  readonly bytes: Uint8Array;
  /** 0-based offset of the message in the file. */
  readonly byte: number;
  /** Its decoded metadata (schema, record batch or dictionary batch header). */
  readonly message: Message;
}

/** A message of an Arrow IPC file that cannot be framed or decoded: where it starts and why (`truncated ...` or `corrupt ...`). */
export class IpcFrameError extends ScoreflowError {
  constructor(
    readonly byte: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'IpcFrameError';
  }
}

/**
 * The encapsulated messages of an Arrow IPC stream that lies in bytes `start .. end` of the file
 * open as `fd` (the whole file for the stream format; between the magic and the footer for the
 * file format), read one at a time, every length checked against the bytes that are there
 * before anything is read or decoded. A message is `0xFFFFFFFF`, an int32 metadata length, the
 * metadata (a `Message` flatbuffer) and its body (pre-0.15 streams: no `0xFFFFFFFF`). The
 * stream ends at the end-of-stream marker (length 0) or exactly at `end`.
 *
 * Throws `IpcFrameError` (with the message's byte offset) for a length that is negative or runs
 * past `end` (a truncated file, or a flipped byte in a length or marker), metadata whose vectors
 * do not fit it (`messageVectorProblem`) or that does not decode, a message type other than schema, record batch or dictionary batch, or a record
 * batch whose buffers lie outside its body. So a reader fed these frames never waits for bytes
 * that will not come and never seeks to a place that is not a message.
 */
export function* ipcFrames(fd: number, start: number, end: number): Generator<IpcFrame> {
  for (let at = start; at < end; ) {
    const left = end - at;
    const head = readBytesSync(fd, at, Math.min(8, left));
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (head.length < 4) throw new IpcFrameError(at, `truncated Arrow IPC data: ${left} stray bytes where a message should start`);
    const continued = view.getInt32(0, true) === -1;
    if (continued && head.length < 8) throw new IpcFrameError(at, 'truncated Arrow IPC data: the file ends inside a message length');
    const prefix = continued ? 8 : 4;
    const length = view.getInt32(continued ? 4 : 0, true);
    if (length === 0) return; // the end-of-stream marker
    if (length < 0) {
      throw new IpcFrameError(at, `corrupt Arrow IPC message: bad length ${length} (expected the marker 0xFFFFFFFF, then a length > 0)`);
    }
    if (length > left - prefix) {
      throw new IpcFrameError(at, `truncated or corrupt Arrow IPC message: its metadata of ${length} bytes runs past the end of the data (${left - prefix} bytes left)`);
    }
    const message = decodeMessage(at, readBytesSync(fd, at + prefix, length));
    const bodyLength = message.bodyLength;
    if (!Number.isSafeInteger(bodyLength) || bodyLength < 0) throw new IpcFrameError(at, `corrupt Arrow IPC message: bad body length ${bodyLength}`);
    if (bodyLength > left - prefix - length) {
      throw new IpcFrameError(at, `truncated or corrupt Arrow IPC message: its body of ${bodyLength} bytes runs past the end of the data (${left - prefix - length} bytes left)`);
    }
    const bytes = readBytesSync(fd, at, prefix + length + bodyLength);
    yield { bytes, byte: at, message };
    at += bytes.length;
  }
}

/** Decodes the metadata of the message at `at`, and checks its type and its buffers against its body. */
function decodeMessage(at: number, metadata: Uint8Array): Message {
  const vectors = messageVectorProblem(metadata);
  if (vectors !== undefined) throw new IpcFrameError(at, `corrupt Arrow IPC message: ${vectors}`);
  let message: Message;
  try {
    message = Message.decode(metadata);
  } catch (error) {
    throw new IpcFrameError(at, `corrupt Arrow IPC message: unreadable metadata (${quotedReason(error)})`);
  }
  const type = message.headerType;
  if (type !== MessageHeader.Schema && type !== MessageHeader.RecordBatch && type !== MessageHeader.DictionaryBatch) {
    throw new IpcFrameError(at, `corrupt Arrow IPC message: unknown type ${type} (expected a schema, a record batch or a dictionary batch)`);
  }
  if (type === MessageHeader.Schema) return message;
  const batch = recordBatchHeader(at, message);
  if (!Number.isSafeInteger(batch.length) || batch.length < 0) throw new IpcFrameError(at, `corrupt Arrow IPC message: bad record batch length ${batch.length}`);
  batch.buffers.forEach(({ offset, length }, k) => {
    if (!(offset >= 0 && length >= 0 && offset + length <= message.bodyLength)) {
      throw new IpcFrameError(at, `corrupt Arrow IPC message: buffer ${k} (bytes ${offset} to ${offset + length}) lies outside its body of ${message.bodyLength} bytes`);
    }
  });
  return message;
}

/** The record batch header of a record batch or dictionary batch message. */
function recordBatchHeader(at: number, message: Message) {
  try {
    const decoded = message.header() as ReturnType<Message<MessageHeader.RecordBatch | MessageHeader.DictionaryBatch>['header']>;
    return 'data' in decoded ? decoded.data : decoded;
  } catch (error) {
    throw new IpcFrameError(at, `corrupt Arrow IPC message: unreadable record batch header (${quotedReason(error)})`);
  }
}
