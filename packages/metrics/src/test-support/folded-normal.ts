import { normalCdf } from './normal-cdf.js';

/**
 * Test support: E|Z| for Z ~ N(mu, sigma^2), the folded-normal mean
 * sigma sqrt(2/pi) exp(-mu^2 / (2 sigma^2)) + mu (1 - 2 Phi(-mu / sigma)) (Leone, Nelson and Nottingham 1961).
 */
export function foldedNormalMean(mu: number, sigma: number): number {
  return sigma * Math.sqrt(2 / Math.PI) * Math.exp(-(mu * mu) / (2 * sigma * sigma)) + mu * (1 - 2 * normalCdf(-mu / sigma));
}

/**
 * Var of f(X) for X ~ N(mu, sigma^2), by the trapezoid rule on 4001 points over +-10 sigma (the
 * integrand is smooth and decays like a Gaussian, so this is accurate to many digits).
 */
export function normalVariance(f: (x: number) => number, mu: number, sigma: number): number {
  const points = 4001;
  const step = 20 / (points - 1);
  let mean = 0;
  let second = 0;
  for (let k = 0; k < points; k++) {
    const z = -10 + k * step;
    const w = ((k === 0 || k === points - 1 ? 0.5 : 1) * step * Math.exp(-(z * z) / 2)) / Math.sqrt(2 * Math.PI);
    const v = f(mu + sigma * z);
    mean += w * v;
    second += w * v * v;
  }
  return second - mean * mean;
}
