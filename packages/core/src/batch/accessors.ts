import { type Data, DataType, type RecordBatch } from 'apache-arrow';
import { ScoreflowError } from '../errors/scoreflow-error.js';
import type { ParticleMetadata } from './schema.js';

function column(batch: RecordBatch, name: string): Data | undefined {
  const index = batch.schema.fields.findIndex((field) => field.name === name);
  return index < 0 ? undefined : batch.data.children[index];
}

function requireColumn(batch: RecordBatch, name: string): Data {
  const data = column(batch, name);
  if (data === undefined) {
    const names = batch.schema.fields.map((field) => field.name).join(', ');
    throw new ScoreflowError(`Particle batch has no '${name}' column (columns: ${names}).`);
  }
  return data;
}

// Arrow JS slices value buffers when it slices Data (`Data.slice` subarrays them and the children
// of a FixedSizeList), so `values` starts at the first row; `offset` only applies to validity bits.
function values<T extends { subarray(begin: number, end: number): T }>(data: Data, width = 1): T {
  return (data.values as unknown as T).subarray(0, data.length * width);
}

/** Number of coordinates per particle, from the `x` column's list size. */
export function dimOf(batch: RecordBatch): number {
  return listSize(requireColumn(batch, 'x'));
}

function listSize(x: Data): number {
  if (!DataType.isFixedSizeList(x.type)) throw new ScoreflowError(`Particle column 'x' must be a FixedSizeList, got ${x.type}.`);
  return x.type.listSize;
}

/** The positions of a batch, row-major (n * dim), as a view on the batch's buffer: no copy. */
export function positionsOf(batch: RecordBatch): Float32Array {
  const x = requireColumn(batch, 'x');
  const dim = listSize(x);
  return values<Float32Array>(x.children[0], 1).subarray(0, x.length * dim);
}

/** Particle ids of a batch (a view, no copy). */
export const idsOf = (batch: RecordBatch): Uint32Array => values<Uint32Array>(requireColumn(batch, 'id'));

/** Step index of each particle (a view, no copy). */
export const stepsOf = (batch: RecordBatch): Int32Array => values<Int32Array>(requireColumn(batch, 'step'));

/** Diffusion time of each particle (a view, no copy). */
export const timesOf = (batch: RecordBatch): Float32Array => values<Float32Array>(requireColumn(batch, 't'));

/** Stage index of each particle, or undefined when the batch has no `stage` column (see `stageTagger`; a view, no copy). */
export function stagesOf(batch: RecordBatch): Int32Array | undefined {
  const data = column(batch, 'stage');
  return data === undefined ? undefined : values<Int32Array>(data);
}

/** Labels of a batch, or undefined when it has no `label` column (a view, no copy). */
export function labelsOf(batch: RecordBatch): Int32Array | undefined {
  const data = column(batch, 'label');
  return data === undefined ? undefined : values<Int32Array>(data);
}

/** Importance weights of a batch, or undefined when it has no `weight` column (a view, no copy). */
export function weightsOf(batch: RecordBatch): Float32Array | undefined {
  const data = column(batch, 'weight');
  return data === undefined ? undefined : values<Float32Array>(data);
}

/** The run name and seed stored in the batch's schema metadata. */
export function metadataOf(batch: RecordBatch): ParticleMetadata {
  const meta = batch.schema.metadata;
  const seed = meta.get('seed');
  return { run: meta.get('run'), seed: seed === undefined ? undefined : Number(seed) };
}
