/**
 * Sums of a function of squared Euclidean distances over pairs of rows, in Float64: the
 * building blocks of kernel U-statistics (MMD, energy distance). `f` receives |a - b|^2.
 */

/** sum over i < j of f(|x_i - x_j|^2), for the rows of the row-major sample `x`. */
export function sumWithinPairs(x: Float32Array, dim: number, f: (squaredDistance: number) => number): number {
  return sumOverPairs(x, x, dim, f, true);
}

/** sum over all i, j of f(|x_i - y_j|^2), for the rows of the row-major samples `x` and `y`. */
export function sumCrossPairs(x: Float32Array, y: Float32Array, dim: number, f: (squaredDistance: number) => number): number {
  return sumOverPairs(x, y, dim, f, false);
}

/**
 * The squared distances |x_i - x_j|^2 of all pairs j < i of the rows of `x`, in the order
 * `sumWithinPairs` visits them (i = 1, 2, ...; j = 0 .. i - 1), stored as Float32: n (n - 1) / 2 values.
 */
export function withinPairSquaredDistances(x: Float32Array, dim: number): Float32Array {
  const n = x.length / dim;
  const squared = new Float32Array((n * (n - 1)) / 2);
  let p = 0;
  sumWithinPairs(x, dim, (d2) => {
    squared[p++] = d2;
    return 0;
  });
  return squared;
}

/** sum of f(|x_i - y_j|^2) over j < i (`lower`: the pairs of one sample) or over all j, row by row. */
function sumOverPairs(x: Float32Array, y: Float32Array, dim: number, f: (squaredDistance: number) => number, lower: boolean): number {
  const n = x.length / dim;
  const m = y.length / dim;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * dim;
    const end = lower ? i : m;
    let row = 0;
    for (let j = 0; j < end; j++) {
      const rj = j * dim;
      let d2 = 0;
      for (let k = 0; k < dim; k++) {
        const diff = x[ri + k] - y[rj + k];
        d2 += diff * diff;
      }
      row += f(d2);
    }
    total += row;
  }
  return total;
}
