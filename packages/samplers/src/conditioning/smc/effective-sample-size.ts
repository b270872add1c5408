/**
 * Normalises log weights in place into weights summing to 1 (`out`) and returns the effective
 * sample size ESS = 1 / sum_i W_i^2 (Kong, Liu and Wong 1994): N for equal weights, 1 when one
 * particle holds all the weight. Stable for log weights of any size (their maximum is subtracted).
 */
export function normaliseWeights(logWeights: Float64Array, out: Float64Array): number {
  let max = -Infinity;
  for (const l of logWeights) if (l > max) max = l;
  if (max === -Infinity) throw new RangeError('normaliseWeights: every weight is 0 (log weights all -Infinity).');
  let sum = 0;
  for (let i = 0; i < logWeights.length; i++) sum += out[i] = Math.exp(logWeights[i] - max);
  let square = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] /= sum;
    square += out[i] * out[i];
  }
  return 1 / square;
}
