import { type LinearBeta, type LinearBetaOptions, linearBeta } from '../linear-beta.js';
import type { LinearSde } from '../linear-sde.js';
import { drawGaussianPrior, gaussianPriorLogDensity } from './gaussian-prior.js';
import { writeScaled } from './scaled-drift.js';

/** What tells the VP and sub-VP SDEs apart: the diffusion g(t) and the marginal std s as a function of B(t). */
export interface VpFamilyMember {
  /** The SDE's name; `fn` names it in option errors (its factory). */
  readonly name: string;
  readonly fn: string;
  diffusion(t: number, rate: LinearBeta): number;
  std(integratedBeta: number): number;
}

/**
 * An SDE of the VP family of Song et al. 2021 (appendix B): the linear beta(t) (`linearBeta`),
 * drift f(x, t) = -beta(t) x / 2, marginal mean m(t) = exp(-B(t) / 2) and prior N(0, I); the
 * member gives g(t) and s(t).
 */
export function vpFamily(member: VpFamilyMember, options: LinearBetaOptions): LinearSde & LinearBeta {
  const rate = linearBeta(member.fn, options);
  const { T, beta, integratedBeta } = rate;
  return {
    name: member.name,
    T,
    priorStd: 1,
    beta,
    integratedBeta,
    driftCoefficient: (t) => -0.5 * beta(t),
    drift: (x, t, out) => writeScaled(member.name, x, -0.5 * beta(t), out),
    diffusion: (t) => member.diffusion(t, rate),
    marginal: (t) => {
      const b = integratedBeta(t);
      return { mean: Math.exp(-0.5 * b), std: member.std(b) };
    },
    prior: (out, ids, dim, rng) => drawGaussianPrior(out, ids, dim, rng, 1),
    priorLogDensity: (x, dim, out) => gaussianPriorLogDensity(x, dim, out, 1),
  };
}
