import { rmSync } from 'node:fs';
import { type AtomicFile, createAtomicFile, readParticleBatches } from '@scoreflow/core/node';
import { DataType, type RecordBatch } from 'apache-arrow';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { type ColumnValues, columnValues, parquetSchemaOf } from './arrow-to-parquet.js';

/** Rows gathered into one Parquet row group (snapshot batches are joined up to this many). */
export const ROW_GROUP_ROWS = 65_536;

/** hyparquet-writer's byte writer, handing its bytes to `file` every megabyte and after each row group. */
class AtomicFileWriter extends ByteWriter {
  constructor(private readonly file: AtomicFile) {
    super(1 << 20);
  }
  flush(): void {
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override ensure(size: number): void {
    if (this.index > 1 << 20) this.flush();
    super.ensure(size);
  }
  override finish(): void {
    this.flush();
  }
}

const concat = (parts: ColumnValues[]): ColumnValues => {
  if (parts.length === 1) return parts[0];
  const first = parts[0];
  if (ArrayBuffer.isView(first)) {
    const Typed = first.constructor as new (length: number) => Float32Array;
    const joined = new Typed(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part as Float32Array, offset);
      offset += part.length;
    }
    return joined as ColumnValues;
  }
  return parts.flatMap((part) => Array.from(part as ArrayLike<unknown>)) as ColumnValues;
};

/**
 * Turns the journal `journalPath` (Arrow IPC stream of particle batches) into the Parquet file
 * `parquetPath` with hyparquet-writer, row group by row group (batches joined up to
 * `ROW_GROUP_ROWS` rows, Snappy-compressed; `parquetSchemaOf` gives the columns), and removes the
 * journal. The schema metadata (`dim`, `run`, `seed`, ...) becomes the file's key-value metadata.
 * Written beside the final name and renamed onto it: never half a file. Returns the rows written
 * (none: no file, as a journal without a batch has no schema).
 */
export async function journalToParquet(journalPath: string, parquetPath: string): Promise<number> {
  const file = createAtomicFile(parquetPath);
  let parquet: ParquetWriter | undefined;
  let names: string[] = [];
  let pending: RecordBatch[] = [];
  let pendingRows = 0;
  let rows = 0;
  const writeGroup = () => {
    if (parquet === undefined || pendingRows === 0) return;
    const columnData = names.map((name, index) => ({
      name,
      data: concat(pending.map((batch) => columnValues(batch, index))),
      // Positions rarely repeat: a dictionary would be tried and dropped for every page.
      ...(DataType.isFixedSizeList(pending[0].schema.fields[index].type) && { encoding: 'PLAIN' as const }),
    }));
    void parquet.write({ columnData, rowGroupSize: pendingRows });
    rows += pendingRows;
    pending = [];
    pendingRows = 0;
  };
  try {
    for await (const batch of readParticleBatches(journalPath)) {
      if (parquet === undefined) {
        names = batch.schema.fields.map((field) => field.name);
        const kvMetadata = [...batch.schema.metadata].map(([key, value]) => ({ key, value }));
        parquet = new ParquetWriter({ writer: new AtomicFileWriter(file), schema: parquetSchemaOf(batch.schema), kvMetadata, createdBy: 'scoreflow (hyparquet-writer)' });
      }
      pending.push(batch);
      pendingRows += batch.numRows;
      if (pendingRows >= ROW_GROUP_ROWS) writeGroup();
    }
    writeGroup();
    if (parquet === undefined) {
      file.abort(); // no batch, no schema: no file
    } else {
      void parquet.finish();
      file.commit();
    }
  } catch (error) {
    file.abort();
    throw error;
  }
  rmSync(journalPath, { force: true });
  return rows;
}
