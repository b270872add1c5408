import { rowCount } from '../samples/rows.js';
import { sampleCovariance, sampleMean } from './sample-moments.js';

/**
 * Euclidean norm of the difference of the sample means, |xbar - ybar|_2: the first-moment error
 * of a sample `x` against a reference `y` (row-major, same dim, sizes may differ).
 */
export function meanError(x: Float32Array, y: Float32Array, dim: number): number {
  checkPair('meanError', x, y, dim, 1);
  const mx = sampleMean(x, dim);
  const my = sampleMean(y, dim);
  let sum = 0;
  for (let j = 0; j < dim; j++) sum += (mx[j] - my[j]) ** 2;
  return Math.sqrt(sum);
}

/**
 * Frobenius norm of the difference of the unbiased sample covariances, |C_x - C_y|_F =
 * sqrt(sum_ab (C_x - C_y)_ab^2) (Golub and Van Loan 2013, section 2.3): the second-moment error.
 * Needs at least 2 rows in each sample.
 */
export function covarianceError(x: Float32Array, y: Float32Array, dim: number): number {
  checkPair('covarianceError', x, y, dim, 2);
  const cx = sampleCovariance(x, dim);
  const cy = sampleCovariance(y, dim);
  let sum = 0;
  for (let k = 0; k < cx.length; k++) sum += (cx[k] - cy[k]) ** 2;
  return Math.sqrt(sum);
}

function checkPair(fn: string, x: Float32Array, y: Float32Array, dim: number, minRows: number): void {
  rowCount(fn, 'x', x, dim, minRows);
  rowCount(fn, 'y', y, dim, minRows);
}
