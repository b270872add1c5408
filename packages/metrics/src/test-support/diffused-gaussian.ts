import type { ScoreModel, Sde } from '@scoreflow/core';

/** The data law of the likelihood tests: N(mu, sigma^2 I) in the plane. */
export const GAUSSIAN_DATA = { dim: 2, mu: [1.5, -0.5], sigma: 0.4 } as const;

/** log N(x_i; centre, variance I) into `out`. */
export function gaussianLogDensity(x: ArrayLike<number>, dim: number, centre: readonly number[], variance: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    let q = 0;
    for (let j = 0; j < dim; j++) q += (x[i * dim + j] - centre[j]) ** 2;
    out[i] = -0.5 * (q / variance + dim * Math.log(2 * Math.PI * variance));
  }
  return out;
}

/** The data law at t under `sde`: N(m mu, v I), v = m^2 sigma^2 + s^2. */
export function gaussianLawAt(sde: Sde, t: number): { centre: number[]; variance: number } {
  const { mean, std } = sde.marginal(t);
  return { centre: GAUSSIAN_DATA.mu.map((m) => mean * m), variance: mean * mean * GAUSSIAN_DATA.sigma ** 2 + std * std };
}

/**
 * dx = a x dt + dW on [0, T]: a = 0 is Brownian motion, a = -1/2 an Ornstein-Uhlenbeck process (VP
 * with beta = 1). Its prior log density is the data law's at T (`exactPrior`), or N(0, s(T)^2 I).
 */
export function linearTestSde(a: number, T: number, exactPrior = false): Sde {
  const marginal = (t: number) => (a === 0 ? { mean: 1, std: Math.sqrt(t) } : { mean: Math.exp(a * t), std: Math.sqrt(-Math.expm1(2 * a * t)) });
  const sde: Sde = {
    name: a === 0 ? 'brownian' : 'ou',
    T,
    drift: (x, _t, out) => out.set(x.map((v) => a * v)),
    driftCoefficient: () => a,
    diffusion: () => 1,
    marginal,
    prior: (out) => out,
    priorStd: marginal(T).std,
    priorLogDensity: (x, dim, out) => {
      const law = exactPrior ? gaussianLawAt(sde, T) : { centre: [0, 0], variance: marginal(T).std ** 2 };
      return gaussianLogDensity(x, dim, law.centre, law.variance, out);
    },
  };
  return sde;
}

/** The exact score of the diffused data law, s = -(x - m mu) / v, with its divergence -dim / v unless `withDivergence` is false. */
export function diffusedGaussianScore(sde: Sde, withDivergence = true): ScoreModel {
  const { dim } = GAUSSIAN_DATA;
  return {
    name: 'gaussian',
    dim,
    score(x, t, out) {
      const { centre, variance } = gaussianLawAt(sde, t);
      for (let i = 0; i < x.length; i++) out[i] = -(x[i] - centre[i % dim]) / variance;
    },
    ...(withDivergence ? { divergence: (_x: Float32Array, t: number, out: Float64Array) => void out.fill(-dim / gaussianLawAt(sde, t).variance) } : {}),
  };
}
