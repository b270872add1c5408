/**
 * The cost matrix of minibatch optimal transport, C_ij = |x0_i - x1_j|^2 (the squared Euclidean
 * cost of W2, as torchcfm's `OTPlanSampler` with POT's `ot.dist`), row-major n x m in Float64.
 * `x0` holds n rows and `x1` m rows of `dim` coordinates each.
 */
export function squaredCosts(x0: ArrayLike<number>, x1: ArrayLike<number>, dim: number): Float64Array {
  const n = rowsOf('squaredCosts', 'x0', x0, dim);
  const m = rowsOf('squaredCosts', 'x1', x1, dim);
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let d = 0; d < dim; d++) {
        const diff = x0[i * dim + d] - x1[j * dim + d];
        sum += diff * diff;
      }
      cost[i * m + j] = sum;
    }
  }
  return cost;
}

/** The number of rows of `dim` values in `x`, or a RangeError naming `fn` and `name`. */
export function rowsOf(fn: string, name: string, x: ArrayLike<number>, dim: number): number {
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`${fn}: 'dim' must be an integer >= 1, got ${dim}.`);
  const rows = x.length / dim;
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`${fn}: '${name}' must hold n * dim values (dim = ${dim}, n >= 1), got ${x.length}.`);
  return rows;
}
