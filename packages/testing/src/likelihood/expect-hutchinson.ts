import { expect } from 'vitest';

/**
 * Test-only: Hutchinson's estimates of log p over draws of the probes (one `Float64Array` of the
 * points' log densities per draw) have the exact value within 4 standard errors at every point,
 * and spread (sd > 1e-3: the probes are random, and a diagonal Jacobian would make them exact).
 */
export function expectHutchinsonMean(exact: Float64Array, estimates: readonly Float64Array[]): void {
  const draws = estimates.length;
  for (let i = 0; i < exact.length; i++) {
    const values = estimates.map((estimate) => estimate[i]);
    const mean = values.reduce((a, b) => a + b, 0) / draws;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws - 1));
    expect(sd, `point ${i}`).toBeGreaterThan(1e-3);
    expect(Math.abs(mean - exact[i]), `point ${i}`).toBeLessThan((4 * sd) / Math.sqrt(draws));
  }
}
