import { ConfigError, type ConfigIssue, type MlpScoreDescription } from '@scoreflow/core';

/** One dense layer y = a W + b of an MLP: its sizes and where W (K x N, row-major) and b (N) sit in the flat weights. */
export interface DenseShape {
  readonly inputs: number;
  readonly outputs: number;
  readonly w: number;
  readonly b: number;
}

/** The sizes of an `MlpScoreDescription` and the offsets of its layers in `weights`. */
export interface MlpShape {
  readonly dim: number;
  /** Size E of the time embedding. */
  readonly embedding: number;
  /** Size L of the label embedding (0 without classes). */
  readonly labelSize: number;
  /** dim + E + L. */
  readonly input: number;
  readonly width: number;
  readonly depth: number;
  /** The `depth` hidden layers, then the output layer. */
  readonly layers: readonly DenseShape[];
  /** Offset of the label table ((classes + 1) x L). */
  readonly table: number;
  /** Length of `weights`. */
  readonly size: number;
}

/** Floats of weights staged in workgroup memory at a time (16 KiB, WebGPU's default limit). */
export const WEIGHT_TILE = 4096;

/**
 * The shape of `description`, checked: sizes are positive integers, the width fits a weight tile,
 * `frequencies` and `weights` have the lengths the sizes give, `label` is a table row. Throws a
 * `ConfigError` naming each bad field and what is allowed.
 */
export function mlpShape(description: MlpScoreDescription, context = 'mlp score'): MlpShape {
  const { dim, width, depth, classes, labelEmbeddingSize, label, frequencies, weights } = description;
  const issues: ConfigIssue[] = [];
  const integer = (path: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!(Number.isSafeInteger(value) && value >= min && value <= max)) issues.push({ path, message: `expected an integer in [${min}, ${max}], got ${value}` });
  };
  integer('dim', dim, 1, 64);
  integer('width', width, 1, WEIGHT_TILE);
  integer('depth', depth, 1, 64);
  integer('classes', classes, 0);
  if (classes > 0) integer('labelEmbeddingSize', labelEmbeddingSize, 1);
  integer('label', label, 0, Math.max(0, classes));
  if (frequencies.length === 0) issues.push({ path: 'frequencies', message: 'expected at least one frequency, got 0' });
  if (issues.length > 0) throw new ConfigError(`${context}: the MLP description is not one the GPU can take`, issues);
  const embedding = 2 * frequencies.length;
  const labelSize = classes > 0 ? labelEmbeddingSize : 0;
  const input = dim + embedding + labelSize;
  const layers: DenseShape[] = [];
  let offset = 0;
  const push = (inputs: number, outputs: number) => {
    layers.push({ inputs, outputs, w: offset, b: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  };
  push(input, width);
  for (let i = 1; i < depth; i++) push(width, width);
  push(width, dim);
  const table = offset;
  const size = table + (classes > 0 ? (classes + 1) * labelSize : 0);
  if (weights.length !== size) {
    throw new ConfigError(`${context}: the MLP description is not one the GPU can take`, [
      { path: 'weights', message: `expected ${size} values for dim ${dim}, width ${width}, depth ${depth}, embedding ${embedding}, label embedding ${labelSize}, got ${weights.length}` },
    ]);
  }
  return { dim, embedding, labelSize, input, width, depth, layers, table, size };
}
