import type { Draws } from './run-chains.js';

/** Test-only: pooled moments of every draw of `chains` chains, and the effective sample size of each coordinate's mean. */
export interface ChainMoments {
  readonly mean: number[];
  /** Sample covariance, pooled over chains and iterations. */
  readonly covariance: number[][];
  /** Draws pooled. */
  readonly draws: number;
  /**
   * ESS of each coordinate's pooled mean, measured across chains: the chains are independent, so
   * their means are i.i.d. and Var(pooled mean) = Var(chain means) / chains exactly;
   * ESS = variance / Var(pooled mean) = chains * variance / Var(chain means).
   */
  readonly ess: number[];
  /** The same for each coordinate's square (x_j - mean_j)^2: the ESS of the variance estimates. */
  readonly essSquare: number[];
}

/** Test-only: the moments of the draws of all snapshots (each a Float32Array of `chains` x `dim`). */
export function chainMoments(draws: Draws, chains: number, dim: number): ChainMoments {
  const snapshots = [...draws.values()];
  const m = snapshots.length;
  const chainMeans = new Float64Array(chains * dim);
  const sum = new Float64Array(dim);
  const cross = new Float64Array(dim * dim);
  for (const x of snapshots) {
    for (let i = 0; i < chains; i++) {
      for (let j = 0; j < dim; j++) {
        const v = x[i * dim + j];
        chainMeans[i * dim + j] += v / m;
        sum[j] += v;
        for (let k = 0; k < dim; k++) cross[j * dim + k] += v * x[i * dim + k];
      }
    }
  }
  const n = chains * m;
  const mean = Array.from(sum, (s) => s / n);
  const covariance = Array.from({ length: dim }, (_, j) => Array.from({ length: dim }, (_, k) => cross[j * dim + k] / n - mean[j] * mean[k]));
  const ess = mean.map((mu, j) => acrossChains(chainMeans, chains, dim, j, mu, covariance[j][j]));
  // Chain means of (x_j - mean_j)^2, whose variance per draw is 2 variance^2 for a Gaussian.
  const chainSquares = new Float64Array(chains * dim);
  for (const x of snapshots) for (let i = 0; i < chains * dim; i++) chainSquares[i] += (x[i] - mean[i % dim]) ** 2 / m;
  const essSquare = mean.map((_, j) => acrossChains(chainSquares, chains, dim, j, covariance[j][j], 2 * covariance[j][j] ** 2));
  return { mean, covariance, draws: n, ess, essSquare };
}

/** chains * variance / Var(chain means of coordinate j about `centre`). */
function acrossChains(chainMeans: Float64Array, chains: number, dim: number, j: number, centre: number, variance: number): number {
  let spread = 0;
  for (let i = 0; i < chains; i++) spread += (chainMeans[i * dim + j] - centre) ** 2;
  return (chains * variance) / (spread / (chains - 1));
}
