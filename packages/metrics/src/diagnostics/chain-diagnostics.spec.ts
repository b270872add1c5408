import { describe, expect, it } from 'vitest';
import { bulkEss } from './bulk-ess.js';
import { chainDiagnostics, singleChainWarning } from './chain-diagnostics.js';
import { splitRhat } from './split-rhat.js';
import { ar1Chains } from './test-support/ar1.js';

/** Interleaves chain-major draws of each coordinate into an iteration-major trace x[(i * chains + c) * dim + j]. */
function traceOf(coordinates: readonly Float64Array[], chains: number, iterations: number): Float32Array {
  const dim = coordinates.length;
  const x = new Float32Array(iterations * chains * dim);
  coordinates.forEach((draws, j) => {
    for (let c = 0; c < chains; c++) for (let i = 0; i < iterations; i++) x[(i * chains + c) * dim + j] = draws[c * iterations + i];
  });
  return x;
}

describe('chainDiagnostics({ x, chains, iterations, dim })', () => {
  const chains = 4;
  const iterations = 800;
  // Coordinate 0 mixes (AR(1), rho = 0.5); coordinate 1 is stuck: chains in modes 6 sd apart.
  const mixing = Float64Array.from(ar1Chains(1, chains, iterations, 0.5), Math.fround);
  const stuck = Float64Array.from(ar1Chains(2, chains, iterations, 0, [-3, 3, -3, 3]), Math.fround);
  const result = chainDiagnostics({ x: traceOf([mixing, stuck], chains, iterations), chains, iterations, dim: 2 });

  it('reads the iteration-major trace per coordinate: the values of bulkEss and splitRhat on each', () => {
    expect(result.coordinates).toEqual([
      { ess: bulkEss(mixing, chains, iterations), rhat: splitRhat(mixing, chains, iterations) },
      { ess: bulkEss(stuck, chains, iterations), rhat: splitRhat(stuck, chains, iterations) },
    ]);
    expect(result).toMatchObject({ chains, iterations, dim: 2, splits: 2, warnings: [] });
  });

  it('cuts one chain into 4 segments and warns that one chain cannot show a mode it never visited', () => {
    const one = Float64Array.from(ar1Chains(3, 1, iterations, 0.5), Math.fround);
    const single = chainDiagnostics({ x: traceOf([one], 1, iterations), chains: 1, iterations, dim: 1 });
    expect(single).toMatchObject({ chains: 1, splits: 4, warnings: [singleChainWarning(4)] });
    expect(single.warnings[0]).toMatch(/one chain judged alone: its R-hat compares 4 segments/);
    expect(single.coordinates).toEqual([{ ess: bulkEss(one, 1, iterations, 4), rhat: splitRhat(one, 1, iterations, 4) }]);
    expect(chainDiagnostics({ x: traceOf([one], 1, iterations), chains: 1, iterations, dim: 1 }, { splits: 2 }).splits).toBe(2);
  });

  it('reports the smallest ESS and the largest R-hat over coordinates: the stuck one', () => {
    expect(result.maxRhat).toBe(result.coordinates[1].rhat);
    expect(result.maxRhat).toBeGreaterThan(1.1);
    expect(result.coordinates[0].rhat).toBeLessThan(1.01);
    expect(result.minEss).toBe(Math.min(result.coordinates[0].ess, result.coordinates[1].ess));
    expect(Math.abs(result.coordinates[0].ess / ((chains * iterations) / 3) - 1)).toBeLessThan(0.15);
  });

  it('is NaN for a coordinate with a NaN and then for the minimum and maximum', () => {
    const x = traceOf([mixing, stuck], chains, iterations);
    x[5] = Number.NaN;
    const withNaN = chainDiagnostics({ x, chains, iterations, dim: 2 });
    expect(withNaN.coordinates[1]).toEqual({ ess: Number.NaN, rhat: Number.NaN });
    expect(withNaN.minEss).toBeNaN();
    expect(withNaN.maxRhat).toBeNaN();
  });

  it('rejects a trace whose length does not fit, naming the argument', () => {
    expect(() => chainDiagnostics({ x: new Float32Array(10), chains: 2, iterations: 4, dim: 1 })).toThrow(
      /chainDiagnostics: 'x' holds 10 values, expected iterations x chains x dim = 4 x 2 x 1 = 8/,
    );
    expect(() => chainDiagnostics({ x: new Float32Array(8), chains: 2, iterations: 4, dim: 0 })).toThrow(/'dim' must be an integer >= 1, got 0/);
    expect(() => chainDiagnostics({ x: new Float32Array(6), chains: 2, iterations: 3, dim: 1 })).toThrow(/'iterations' must be an integer >= 4/);
  });
});
