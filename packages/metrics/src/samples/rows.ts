import { DimensionError } from '@scoreflow/core';

/**
 * Number of rows of a row-major sample `x` (n * dim values), checked: `dim` must be an integer
 * >= 1, `x.length` a multiple of `dim`, and the sample must hold at least `minRows` rows.
 * `fn` and `name` (the function and the argument) start the error messages.
 */
export function rowCount(fn: string, name: string, x: Float32Array, dim: number, minRows = 1): number {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`${fn}: dim must be an integer >= 1, got ${dim}.`);
  if (x.length % dim !== 0) {
    throw new DimensionError(`${fn}: '${name}' has ${x.length} values, not a multiple of dim (${dim})`, dim, x.length % dim);
  }
  const n = x.length / dim;
  if (n < minRows) throw new RangeError(`${fn}: '${name}' needs at least ${minRows} rows, got ${n}.`);
  return n;
}

/** Checks that an option is an integer >= `min`; the message names the function and the option. */
export function checkInteger(fn: string, name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${fn}: '${name}' must be an integer >= ${min}, got ${value}.`);
  }
  return value;
}
