/** The negative log-likelihood of a sample, in the units papers report it. */
export interface NegativeLogLikelihood {
  /** -mean_i log p(x_i), in nats per point. */
  readonly nll: number;
  /** The standard error of `nll` over the points (sample sd / sqrt(n); 0 for one point). */
  readonly nllStandardError: number;
  /** nll / (dim ln 2): bits per dimension. */
  readonly bitsPerDim: number;
}

/**
 * NLL = -mean log p(x_i) in nats, its standard error, and bits per dimension NLL / (dim ln 2)
 * (the unit of Song et al. 2021, table 2; no dequantisation: the points are continuous).
 *
 * @example
 * negativeLogLikelihood(Float64Array.of(-2, -3), 2); // { nll: 2.5, nllStandardError: 0.5, bitsPerDim: 1.80 }
 */
export function negativeLogLikelihood(logDensity: Float64Array, dim: number): NegativeLogLikelihood {
  const n = logDensity.length;
  if (n === 0) throw new RangeError('negativeLogLikelihood: needs at least one log density, got none.');
  let sum = 0;
  for (const value of logDensity) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of logDensity) squares += (value - mean) ** 2;
  const nllStandardError = n < 2 ? 0 : Math.sqrt(squares / (n - 1) / n);
  return { nll: -mean, nllStandardError, bitsPerDim: -mean / (dim * Math.LN2) };
}
