import type { Marginal, Sde } from '@scoreflow/core';

/**
 * A minimal SDE for tests, given by its marginal only (score-models never imports
 * @scoreflow/sdes). Drift, diffusion and prior are those of dx = a x dt + g dW with the matching
 * m(t) and s(t) where given; only `marginal` matters to a score model.
 */
export function affineSde(name: string, marginal: (t: number) => Marginal): Sde {
  return {
    name,
    T: 1,
    priorStd: 1,
    priorLogDensity: () => {
      throw new Error('priorLogDensity is not used here');
    },
    drift: (_x, _t, out) => out.fill(0),
    diffusion: () => 1,
    marginal,
    prior: (out) => out,
  };
}

/** A VP-like SDE: m(t) = exp(-t), s(t) = sqrt(1 - exp(-2t)); s(0) = 0. */
export const vpLike = affineSde('vp-like', (t) => ({ mean: Math.exp(-t), std: Math.sqrt(-Math.expm1(-2 * t)) }));

/** A VE-like SDE (Brownian motion dx = 2 dW): m(t) = 1, s(t) = 2 sqrt(t); s(0) = 0. */
export const veLike = affineSde('ve-like', (t) => ({ mean: 1, std: 2 * Math.sqrt(t) }));
