import { DataType, RecordBatch } from 'apache-arrow';
import { showValue } from '../errors/show-value.js';
import type { ParticleBatch } from './particle-batch.js';
import { ParticleBatchError } from './particle-batch-error.js';

/** The columns a particle batch must have, with the type each must be (docs/architecture.md). */
const REQUIRED: readonly { name: string; type: string; fits: (type: DataType) => boolean }[] = [
  { name: 'id', type: 'Uint32', fits: (type) => DataType.isInt(type) && type.bitWidth === 32 && !type.isSigned },
  { name: 'step', type: 'Int32', fits: (type) => DataType.isInt(type) && type.bitWidth === 32 && type.isSigned },
  { name: 't', type: 'Float32', fits: isFloat32 },
  { name: 'x', type: 'FixedSizeList<Float32>[dim]', fits: (type) => DataType.isFixedSizeList(type) && type.listSize >= 1 && isFloat32(type.children[0].type) },
];

/** The particle layout as messages state it. */
const LAYOUT = `${REQUIRED.map((column) => `${column.name}: ${column.type}`).join(', ')}, optional label: Int32, optional weight: Float32`;

function isFloat32(type: DataType): boolean {
  return DataType.isFloat(type) && type.precision === 1;
}

/**
 * What is wrong with `value` as a particle batch, or undefined when it is one. Works across two
 * installed copies of apache-arrow: a RecordBatch is recognised by Arrow's own
 * `Symbol.for('apache-arrow/RecordBatch')` tag (`RecordBatch.isRecordBatch`), the columns by their
 * type ids, never by `instanceof`.
 */
function particleBatchProblem(value: unknown): string | undefined {
  if (!RecordBatch.isRecordBatch(value)) return `got ${describe(value)}, not an Arrow RecordBatch`;
  const fields = (value as RecordBatch).schema.fields;
  for (const column of REQUIRED) {
    const field = fields.find((candidate) => candidate.name === column.name);
    if (field === undefined) return `column '${column.name}' is missing (columns: ${fields.map((candidate) => candidate.name).join(', ') || 'none'})`;
    if (!column.fits(field.type)) return `column '${column.name}' must be ${column.type}, got ${String(field.type)}`;
  }
  const label = fields.find((field) => field.name === 'label');
  if (label !== undefined && !(DataType.isInt(label.type) && label.type.bitWidth === 32 && label.type.isSigned)) return `column 'label' must be Int32, got ${String(label.type)}`;
  const weight = fields.find((field) => field.name === 'weight');
  if (weight !== undefined && !isFloat32(weight.type)) return `column 'weight' must be Float32, got ${String(weight.type)}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return showValue(value);
  return `an object of class ${(value as object).constructor?.name ?? 'none'}`;
}

/**
 * Whether `value` is a particle batch: an Arrow RecordBatch (of any installed copy of Arrow) with
 * the columns `id` Uint32, `step` Int32, `t` Float32 and `x` FixedSizeList<Float32>, `label`
 * Int32 and `weight` Float32 if it has them; other columns (`stage`, `stage_name`) may follow.
 *
 * @example
 * isParticleBatch(makeParticleBatch({ x: new Float32Array(2), dim: 2, id: 0, step: 0, t: 0 })); // true
 * isParticleBatch(tableFromArrays({ x: [1, 2] }).batches[0]); // false: no id, step, t; x not a list
 */
export function isParticleBatch(value: unknown): value is ParticleBatch {
  return particleBatchProblem(value) === undefined;
}

/**
 * Returns `value` as a particle batch, or throws a `ParticleBatchError` that names `where` (a
 * stage), the layout it expects and what it got. Stages call it on every batch they receive.
 *
 * @example
 * checkParticleBatch({}, 'euler-maruyama');
 * // ParticleBatchError: euler-maruyama: expects particle batches (id: Uint32, ...); got an object of class Object, not an Arrow RecordBatch.
 */
export function checkParticleBatch(value: unknown, where: string): ParticleBatch {
  const problem = particleBatchProblem(value);
  if (problem !== undefined) throw new ParticleBatchError(`${where}: expects particle batches (${LAYOUT}); ${problem}.`);
  return value as ParticleBatch;
}
