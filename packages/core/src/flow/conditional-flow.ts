import type { FlowPath } from './flow-path.js';

/** Rows of conditional flow matching: the point x_t on the path and its regression target u_t. */
export interface ConditionalFlowRows {
  /** x_t = a x0 + b x1 + c eps (n x dim). */
  readonly xt: Float32Array;
  /** u_t(x_t | x0, x1) = a' x0 + b' x1 + c' eps (n x dim). */
  readonly target: Float32Array;
}

/**
 * The conditional flow matching rows of pairs (x0_i, x1_i) at times t_i with noises eps_i (Tong et
 * al. 2024, algorithm 1; Lipman et al. 2023, eq. 23): x_t on `path` and its conditional velocity.
 * Row-major n x dim; `t` holds n times in (0, 1).
 */
export function conditionalFlow(path: FlowPath, x0: Float32Array, x1: Float32Array, eps: Float32Array, t: Float32Array, dim: number): ConditionalFlowRows {
  const n = t.length;
  if (x0.length !== n * dim || x1.length !== n * dim || eps.length !== n * dim) {
    throw new RangeError(`conditionalFlow: 'x0', 'x1' and 'eps' must hold n * dim = ${n * dim} values (n = ${n} times), got ${x0.length}, ${x1.length} and ${eps.length}.`);
  }
  const xt = new Float32Array(n * dim);
  const target = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const { a, b, c, da, db, dc } = path.coefficients(t[i]);
    for (let j = i * dim; j < (i + 1) * dim; j++) {
      xt[j] = a * x0[j] + b * x1[j] + c * eps[j];
      target[j] = da * x0[j] + db * x1[j] + (c === 0 ? 0 : dc * eps[j]);
    }
  }
  return { xt, target };
}
