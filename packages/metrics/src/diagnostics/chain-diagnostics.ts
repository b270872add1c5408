import { checkDraws, hasNaN } from './check-draws.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { rankNormalise } from './rank-normalise.js';
import { defaultSplits, splitChains } from './split-chains.js';
import { rankRhat } from './split-rhat.js';

/** MCMC chains as recorded: positions iteration-major, `x[(i * chains + c) * dim + j]` is coordinate j of chain c at iteration i. */
export interface ChainTrace {
  readonly x: Float32Array;
  readonly chains: number;
  readonly iterations: number;
  readonly dim: number;
}

/** Diagnostics of one coordinate. */
export interface CoordinateDiagnostics {
  /** Bulk effective sample size (`bulkEss`). */
  readonly ess: number;
  /** Rank-normalised split R-hat (`splitRhat`). */
  readonly rhat: number;
}

/** Options of `chainDiagnostics`. */
export interface ChainDiagnosticsOptions {
  /** Segments each chain is cut into for R-hat and ESS; `defaultSplits(chains)` (2, or 4 for one chain) by default. */
  readonly splits?: number;
}

/** Diagnostics of a `ChainTrace`: per coordinate, and the worst over coordinates. */
export interface ChainDiagnostics {
  readonly chains: number;
  readonly iterations: number;
  readonly dim: number;
  /** Segments each chain was cut into for R-hat and ESS (2; 4 for one chain). */
  readonly splits: number;
  /** What the numbers cannot show (one chain judged alone: `singleChainWarning`); empty otherwise. */
  readonly warnings: readonly string[];
  /** One entry per coordinate j = 0 .. dim - 1. */
  readonly coordinates: readonly CoordinateDiagnostics[];
  /** min_j ess_j (NaN if any is NaN). */
  readonly minEss: number;
  /** max_j rhat_j (NaN if any is NaN). */
  readonly maxRhat: number;
}

/**
 * Bulk ESS and rank-normalised split R-hat (Vehtari et al. 2021) of each coordinate of a trace,
 * and the smallest ESS and largest R-hat over coordinates: the numbers to report (Vehtari et al.
 * recommend using the draws when R-hat < 1.01 and the bulk ESS > 400, 100 per chain for four
 * chains). Each coordinate is gathered into chain-major Float64 draws; the values are those of
 * `bulkEss` and `splitRhat` with the same `splits`, which share the split chains and their rank
 * normalisation here. One chain is cut into 4 segments and comes with `singleChainWarning`: its
 * R-hat and ESS only judge the region the chain visited. Needs dim >= 1, chains >= 1,
 * iterations >= 2 splits and x of iterations x chains x dim values.
 *
 * @example
 * const { minEss, maxRhat } = chainDiagnostics({ x, chains: 4, iterations: 1000, dim: 2 });
 */
export function chainDiagnostics(trace: ChainTrace, options: ChainDiagnosticsOptions = {}): ChainDiagnostics {
  const { x, chains, iterations, dim } = trace;
  const splits = options.splits ?? defaultSplits(chains);
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`chainDiagnostics: 'dim' must be an integer >= 1, got ${dim}.`);
  checkDraws('chainDiagnostics', { length: chains * iterations }, chains, iterations, splits);
  if (x.length !== iterations * chains * dim) {
    throw new RangeError(
      `chainDiagnostics: 'x' holds ${x.length} values, expected iterations x chains x dim = ${iterations} x ${chains} x ${dim} = ${iterations * chains * dim}.`,
    );
  }
  const draws = new Float64Array(chains * iterations);
  const coordinates: CoordinateDiagnostics[] = [];
  for (let j = 0; j < dim; j++) {
    for (let i = 0; i < iterations; i++) for (let c = 0; c < chains; c++) draws[c * iterations + i] = x[(i * chains + c) * dim + j];
    if (hasNaN(draws)) {
      coordinates.push({ ess: Number.NaN, rhat: Number.NaN });
      continue;
    }
    const split = splitChains(draws, chains, iterations, splits);
    const z = rankNormalise(split);
    const n = Math.floor(iterations / splits);
    coordinates.push({ ess: effectiveSampleSize(z, splits * chains, n), rhat: rankRhat(split, z, splits * chains, n) });
  }
  // Math.min / Math.max return NaN when any argument is NaN, as documented.
  return {
    chains,
    iterations,
    dim,
    splits,
    warnings: chains === 1 ? [singleChainWarning(splits)] : [],
    coordinates,
    minEss: Math.min(...coordinates.map((d) => d.ess)),
    maxRhat: Math.max(...coordinates.map((d) => d.rhat)),
  };
}

/**
 * The warning that comes with the diagnostics of one chain: R-hat compares `splits` segments of
 * that chain, and neither it nor the ESS can see a mode the chain never visited.
 */
export function singleChainWarning(splits: number): string {
  return (
    `one chain judged alone: its R-hat compares ${splits} segments of that chain and its ESS counts only what it visited, ` +
    'so neither can show a mode the chain never reached; judge several chains started apart'
  );
}
