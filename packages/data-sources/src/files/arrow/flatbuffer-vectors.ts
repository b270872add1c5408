import { MessageHeader } from 'apache-arrow';

/**
 * Checks the vector lengths in Arrow IPC metadata (a `Message` or a file's `Footer` flatbuffer)
 * before Arrow decodes it. Arrow's decoders loop over a vector as long as its length says, and
 * flatbuffers reads past the end of its bytes as zeros without an error: one flipped byte in a
 * length (say 14 million buffers in a header of 280 bytes) makes decoding take seconds to hours.
 * Here every vector that the decoders walk (a message's or footer's custom metadata; a
 * schema's fields and features, recursively each field's children and metadata and a union's
 * type ids; a record batch's nodes, buffers and variadic counts; a footer's blocks) must fit in
 * the bytes that follow it. The format: flatbuffers' tables, vtables and vectors
 * (flatbuffers.dev, "Internals"); the slots: Arrow's `format/Message.fbs`, `Schema.fbs`, `File.fbs`.
 */

/** A flatbuffer in a DataView; every read is bounds-checked by the DataView (RangeError past the end). */
class Flatbuffer {
  private readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get size(): number {
    return this.view.byteLength;
  }

  /** The root table. */
  root(): number {
    return this.view.getUint32(0, true);
  }

  /** Position of field `slot` of the table at `table`, or undefined when the table does not have it. */
  field(table: number, slot: number): number | undefined {
    const vtable = table - this.view.getInt32(table, true);
    const entry = 4 + 2 * slot;
    if (entry >= this.view.getUint16(vtable, true)) return undefined;
    const offset = this.view.getUint16(vtable + entry, true);
    return offset === 0 ? undefined : table + offset;
  }

  /** The table or vector that field `slot` points to (an unsigned offset from the field). */
  target(table: number, slot: number): number | undefined {
    const at = this.field(table, slot);
    return at === undefined ? undefined : at + this.view.getUint32(at, true);
  }

  /** The byte of field `slot` (0 when absent). */
  byte(table: number, slot: number): number {
    const at = this.field(table, slot);
    return at === undefined ? 0 : this.view.getUint8(at);
  }

  /** The positions of the elements of the vector at field `slot`, which must fit (`width` bytes each); empty when absent. */
  vector(table: number, slot: number, width: number, what: string): number[] {
    const at = this.target(table, slot);
    if (at === undefined) return [];
    const length = this.view.getUint32(at, true);
    if (at + 4 + length * width > this.size) throw new RangeError(`${what} lists ${length} entries, more than the ${this.size} bytes of metadata hold`);
    return Array.from({ length }, (_, i) => at + 4 + i * width);
  }

  /** The tables a vector of offsets points to. */
  tables(table: number, slot: number, what: string): number[] {
    return this.vector(table, slot, 4, what).map((at) => at + this.view.getUint32(at, true));
  }
}

/** Arrow's `Type.Union` in Schema.fbs. */
const UNION = 14;
/** How deep nested fields may go before the metadata is taken as corrupt. */
const MAX_DEPTH = 64;

/** Checks a field and its children; `seen` counts the fields visited, which cannot be more than a table each 4 bytes. */
function checkField(fb: Flatbuffer, field: number, depth: number, seen: { count: number }): void {
  if (depth > MAX_DEPTH) throw new RangeError(`fields nested more than ${MAX_DEPTH} deep`);
  if (++seen.count > fb.size / 4) throw new RangeError(`more fields than the ${fb.size} bytes of metadata hold`);
  fb.tables(field, 6, 'a field'); // custom_metadata
  if (fb.byte(field, 2) === UNION) {
    const union = fb.target(field, 3);
    if (union !== undefined) fb.vector(union, 1, 4, 'a union'); // typeIds
  }
  for (const child of fb.tables(field, 5, 'a field')) checkField(fb, child, depth + 1, seen);
}

function checkSchema(fb: Flatbuffer, schema: number): void {
  fb.tables(schema, 2, 'the schema'); // custom_metadata
  fb.vector(schema, 3, 8, 'the schema'); // features
  const seen = { count: 0 };
  for (const field of fb.tables(schema, 1, 'the schema')) checkField(fb, field, 0, seen);
}

function checkRecordBatch(fb: Flatbuffer, batch: number): void {
  fb.vector(batch, 1, 16, 'the record batch header'); // nodes
  fb.vector(batch, 2, 16, 'the record batch header'); // buffers
  fb.vector(batch, 4, 8, 'the record batch header'); // variadicBufferCounts
}

/** Runs `check` on `bytes`; the problem in words, or undefined when the vectors fit. */
function problemOf(bytes: Uint8Array, check: (fb: Flatbuffer) => void): string | undefined {
  try {
    check(new Flatbuffer(bytes));
    return undefined;
  } catch (error) {
    return error instanceof RangeError ? error.message : String(error);
  }
}

/** What is wrong with the vectors of an IPC `Message` flatbuffer, or undefined when they fit. */
export function messageVectorProblem(bytes: Uint8Array): string | undefined {
  return problemOf(bytes, (fb) => {
    const message = fb.root();
    fb.tables(message, 4, 'the message'); // custom_metadata
    const header = fb.target(message, 2);
    if (header === undefined) return;
    const type = fb.byte(message, 1);
    if (type === MessageHeader.Schema) checkSchema(fb, header);
    else if (type === MessageHeader.RecordBatch) checkRecordBatch(fb, header);
    else if (type === MessageHeader.DictionaryBatch) {
      const data = fb.target(header, 1);
      if (data !== undefined) checkRecordBatch(fb, data);
    }
  });
}

/** What is wrong with the vectors of an IPC file's `Footer` flatbuffer, or undefined when they fit. */
export function footerVectorProblem(bytes: Uint8Array): string | undefined {
  return problemOf(bytes, (fb) => {
    const footer = fb.root();
    fb.vector(footer, 2, 24, 'the footer'); // dictionaries (Block structs)
    fb.vector(footer, 3, 24, 'the footer'); // recordBatches
    fb.tables(footer, 4, 'the footer'); // custom_metadata
    const schema = fb.target(footer, 1);
    if (schema !== undefined) checkSchema(fb, schema);
  });
}
