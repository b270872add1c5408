import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../../errors/config-error.js';

/**
 * A linear observation of a point x in R^dim: y = A x + noise, noise ~ N(0, sigma^2 I_rows).
 * Inpainting the coordinate j with the value a is A = e_j^T (one row of the identity), y = [a],
 * sigma = 0.
 */
export interface LinearObservation {
  /** Number of observed values k (rows of A). */
  readonly rows: number;
  /** Dimension of x (columns of A). */
  readonly dim: number;
  /** A, row-major rows * dim. */
  readonly A: Float64Array;
  /** The observed values y (rows). */
  readonly y: Float64Array;
  /** Standard deviation of the observation noise, >= 0 (0: noise-free). */
  readonly sigma: number;
}

/** A linear observation as written in a config: `A` (k rows of dim numbers), `y` (k numbers), `sigma` (>= 0). */
export interface LinearObservationInit {
  readonly A: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly sigma?: number;
}

/**
 * The zod schema of an `observation` option: `{ A: number[][], y: number[], sigma: number >= 0 }`
 * (sigma 0 by default), with A's rows of one length and one y per row. Shared by the posterior
 * score model and target and by the conditioning samplers, so that configs read the same.
 *
 * @example
 * observationOptions.parse({ A: [[1, 0]], y: [1.5] }); // inpainting x1 = 1.5
 */
export const observationOptions = z
  .strictObject({
    A: z.array(z.array(z.number()).min(1)).min(1).describe('the observation matrix, k rows of dim numbers'),
    y: z.array(z.number()).min(1).describe('the observed values, one per row of A'),
    sigma: z.number().min(0).default(0).describe('standard deviation of the observation noise (0: noise-free)'),
  })
  .superRefine((options, ctx) => {
    for (const issue of observationIssues(options)) ctx.addIssue({ code: 'custom', path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: issue.message });
  });

/** The observation's problems as config issues (paths relative to the observation). */
function observationIssues(init: LinearObservationInit): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const dim = init.A[0]?.length ?? 0;
  init.A.forEach((row, r) => {
    if (row.length !== dim) issues.push({ path: `A.${r}`, message: `expected ${dim} numbers like A.0 (one per coordinate), got ${row.length}` });
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) issues.push({ path: `A.${r}.${j}`, message: `expected a finite number, got ${value}` });
    });
  });
  if (init.y.length !== init.A.length) issues.push({ path: 'y', message: `expected ${init.A.length} values, one per row of A, got ${init.y.length}` });
  init.y.forEach((value, r) => {
    if (!Number.isFinite(value)) issues.push({ path: `y.${r}`, message: `expected a finite number, got ${value}` });
  });
  const sigma = init.sigma ?? 0;
  if (!(Number.isFinite(sigma) && sigma >= 0)) issues.push({ path: 'sigma', message: `expected a finite number >= 0, got ${sigma}` });
  return issues;
}

/**
 * Builds a `LinearObservation`, checking it (a `ConfigError` naming `observation.A`, `.y` or `.sigma`
 * and what is allowed). With `dim`, A must have `dim` columns.
 *
 * @example
 * linearObservation({ A: [[1, 0]], y: [1.5], sigma: 0 }, 2); // x1 = 1.5 in the plane
 */
export function linearObservation(init: LinearObservationInit, dim?: number): LinearObservation {
  const issues = observationIssues(init);
  const columns = init.A[0]?.length ?? 0;
  if (init.A.length === 0) issues.push({ path: 'A', message: 'expected at least one row, got none' });
  if (dim !== undefined && columns !== dim) issues.push({ path: 'A', message: `expected ${dim} columns (the dimension of x), got ${columns}` });
  if (issues.length > 0) throw new ConfigError('bad linear observation', issues.map((issue) => ({ ...issue, path: `observation.${issue.path}` })));
  return {
    rows: init.A.length,
    dim: columns,
    A: Float64Array.from(init.A.flat()),
    y: Float64Array.from(init.y),
    sigma: init.sigma ?? 0,
  };
}
