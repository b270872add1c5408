import { describe, expect, it } from 'vitest';
import { negativeLogLikelihood } from './negative-log-likelihood.js';

describe('negativeLogLikelihood', () => {
  it('negativeLogLikelihood(logp, dim) gives -mean log p in nats, its standard error and nats / (dim ln 2) bits per dimension', () => {
    const result = negativeLogLikelihood(Float64Array.of(-2, -3, -4), 2);
    expect(result.nll).toBeCloseTo(3, 12);
    expect(result.nllStandardError).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(result.bitsPerDim).toBeCloseTo(3 / (2 * Math.LN2), 12);
    expect(() => negativeLogLikelihood(new Float64Array(0), 2)).toThrow(/needs at least one log density/);
  });
});
