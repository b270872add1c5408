import type { Sde } from './sde.js';

/**
 * The noise level sigma(t) = s(t) / m(t) of a linear SDE: x_t / m(t) = x_0 + sigma(t) eps, the
 * variance-exploding form in which k-diffusion's and diffusers' samplers work (Karras et al.
 * 2022, section 4; for VP, sigma = sqrt((1 - alpha_bar) / alpha_bar)).
 */
export function sigmaOf(sde: Sde, t: number): number {
  const { mean, std } = sde.marginal(t);
  return std / mean;
}

/**
 * The time t in [tMin, tMax] (default [0, sde.T]) at which sigma(t) = `sigma`, by bisection: sigma
 * increases with t for every forward SDE. Levels outside the range clamp to its ends. Exact to
 * the last bit of t after at most 64 halvings; used to turn sigma grids (Karras et al. 2022) and
 * discrete DDPM schedules into times.
 */
export function timeOfSigma(sde: Sde, sigma: number, tMin = 0, tMax = sde.T): number {
  if (sigma <= sigmaOf(sde, tMin)) return tMin;
  if (sigma >= sigmaOf(sde, tMax)) return tMax;
  let low = tMin;
  let high = tMax;
  for (let i = 0; i < 64; i++) {
    const mid = 0.5 * (low + high);
    if (mid === low || mid === high) break;
    if (sigmaOf(sde, mid) < sigma) low = mid;
    else high = mid;
  }
  return 0.5 * (low + high);
}
