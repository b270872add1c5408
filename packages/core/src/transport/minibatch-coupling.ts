import { exactAssignment } from './exact-assignment.js';
import { samplePlan } from './sample-plan.js';
import { sinkhorn } from './sinkhorn.js';
import { rowsOf, squaredCosts } from './squared-costs.js';

/**
 * How a minibatch's source and target points are paired (Tong et al. 2024, "Improving and
 * generalizing flow-based generative models with minibatch optimal transport", section 3):
 * - `exact`: the optimal transport plan of the batch, a permutation (`exactAssignment`); x0[i]
 *   goes with x1[sigma(i)], every point once;
 * - `sinkhorn`: pairs drawn with replacement from the entropic plan with regularisation `reg`
 *   (`sinkhorn`, `samplePlan`); SB-CFM takes reg = 2 sigma^2.
 */
export type Coupling = { readonly method: 'exact' } | { readonly method: 'sinkhorn'; readonly reg: number; readonly maxIterations?: number };

/** The coupling methods. */
export const COUPLING_METHODS = ['exact', 'sinkhorn'] as const;

/**
 * Re-pairs a minibatch by optimal transport: returns new row-major arrays (n x dim each) whose row
 * k is a pair (x0[i_k], x1[j_k]) of the coupling. `x0` and `x1` hold the same number n of rows.
 * `uniforms` (n numbers in [0, 1)) draw the pairs of the `sinkhorn` coupling and are unused by
 * `exact`.
 */
export function minibatchCoupling(x0: Float32Array, x1: Float32Array, dim: number, coupling: Coupling, uniforms?: ArrayLike<number>): { x0: Float32Array; x1: Float32Array } {
  const n = rowsOf('minibatchCoupling', 'x0', x0, dim);
  if (rowsOf('minibatchCoupling', 'x1', x1, dim) !== n) {
    throw new RangeError(`minibatchCoupling: 'x0' and 'x1' must hold the same number of rows, got ${n} and ${x1.length / dim}.`);
  }
  const cost = squaredCosts(x0, x1, dim);
  let rows: ArrayLike<number>;
  let columns: ArrayLike<number>;
  if (coupling.method === 'exact') {
    rows = Array.from({ length: n }, (_, i) => i);
    columns = exactAssignment(cost, n).columns;
  } else {
    if (uniforms === undefined || uniforms.length !== n) throw new RangeError(`minibatchCoupling: the sinkhorn coupling needs n = ${n} uniforms, got ${uniforms?.length ?? 'none'}.`);
    ({ rows, columns } = samplePlan(sinkhorn(cost, n, n, coupling).plan, n, n, uniforms));
  }
  const paired0 = new Float32Array(n * dim);
  const paired1 = new Float32Array(n * dim);
  for (let k = 0; k < n; k++) {
    paired0.set(x0.subarray(rows[k] * dim, (rows[k] + 1) * dim), k * dim);
    paired1.set(x1.subarray(columns[k] * dim, (columns[k] + 1) * dim), k * dim);
  }
  return { x0: paired0, x1: paired1 };
}
