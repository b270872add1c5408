import { DimensionError, type ScoreModel, type Sde, integerArgument, positiveArgument, showValue } from '@scoreflow/core';
import { type DivergenceField, integrateChangeOfVariables } from './change-of-variables.js';
import { resolveDivergence } from './divergence-estimator.js';
import { type LikelihoodSolveOptions, solveProbes, solveTolerances } from './likelihood-solve-options.js';

/** log p_T of end points x(T) (row-major n * dim) into `out` (n values); returns `out`. */
export type EndLogDensity = (x: Float64Array, dim: number, out: Float64Array) => Float64Array;

/** Options of `odeLogLikelihood`. */
export interface OdeLikelihoodOptions extends LikelihoodSolveOptions {
  /** The forward SDE (linear drift f = a(t) x: every SDE of the sdes package). */
  readonly sde: Sde;
  /** The score model, which must offer a `divergence`. */
  readonly score: ScoreModel;
  /** Start time eps of the integration: the result is log p_eps (default 1e-5, score_sde's). */
  readonly eps?: number;
  /** log p_T at the end points (default the SDE's prior N(0, priorStd^2 I), as score_sde's `prior_logp`). */
  readonly endLogDensity?: EndLogDensity;
}

/** What `odeLogLikelihood` found, per particle. */
export interface OdeLikelihood {
  /** log p_eps(x_i) = log p_T(x_i(T)) + integral_eps^T div v dt, in nats. */
  readonly logDensity: Float64Array;
  /** log p_T(x_i(T)), the prior's part. */
  readonly endLogDensity: Float64Array;
  /** integral_eps^T div v(x_i(t), t) dt, the change of log density along the flow. */
  readonly divergenceIntegral: Float64Array;
  /** Evaluations of the score model (each with one of its divergence) for the whole batch. */
  readonly evaluations: number;
}

/**
 * The log density of each point under the model, through the probability-flow ODE (Song et al.
 * 2021, appendix D; the instantaneous change of variables of Chen et al. 2018, FFJORD):
 *
 *   log p_eps(x) = log p_T(x(T)) + integral_eps^T div v(x(t), t) dt,
 *   v(x, t) = f(x, t) - g(t)^2 s(x, t) / 2,   div v = dim a(t) - g(t)^2 div s / 2   (f = a(t) x),
 *
 * with x(t) the ODE's solution from x(eps) = x. The state [x, Delta] (Delta the integral so far,
 * one per particle) is integrated forward from eps to T, in double precision, by core's adaptive
 * Dormand-Prince `rk45Solver` (scipy's RK45, as score_sde's `likelihood.py`), every particle held to
 * the tolerance (`integrateChangeOfVariables`, shared with `flowLogLikelihood`). The score and its
 * divergence are evaluated at the state rounded to Float32 (the ScoreModel contract).
 *
 * The divergence is the score model's (`ScoreModel.divergence`): exact, or Hutchinson's estimate
 * e^T (ds/dx) e with Rademacher probes e drawn once per solve (`rademacherProbes`), unbiased for
 * the integral, so that the mean of log p_eps over draws converges to the exact value.
 *
 * @example
 * const { logDensity } = await odeLogLikelihood(data, 2, { sde, score: mixtureScore(mixture, sde), rtol: 1e-7, atol: 1e-7 });
 */
export async function odeLogLikelihood(x: Float32Array | Float64Array, dim: number, options: OdeLikelihoodOptions): Promise<OdeLikelihood> {
  const fn = 'odeLogLikelihood';
  const { sde, score } = options;
  integerArgument(fn, 'dim', dim, 1);
  if (score.dim !== dim) throw new DimensionError(`${fn}: score model '${score.name}'`, dim, score.dim);
  const eps = positiveArgument(fn, 'eps', options.eps ?? 1e-5);
  if (!(eps < sde.T)) throw new RangeError(`${fn}: 'eps' must be below the SDE's T = ${sde.T}, got ${showValue(eps)}.`);
  const { rtol, atol } = solveTolerances(fn, options);
  const driftCoefficient = sde.driftCoefficient?.bind(sde);
  if (driftCoefficient === undefined) throw new RangeError(`${fn}: the SDE '${sde.name}' must give its linear drift coefficient a(t) (driftCoefficient).`);
  const { model, hutchinson } = resolveDivergence(fn, score, options.divergence ?? 'auto');
  const n = Math.floor(x.length / dim);
  const probe = solveProbes(options, hutchinson, n, dim);
  const scores = new Float32Array(n * dim);
  const divergences = new Float64Array(n);
  const field: DivergenceField = async (state, positions, t, velocity, divergence) => {
    await model.score(positions, t, scores);
    await model.divergence(positions, t, divergences, probe);
    const a = driftCoefficient(t);
    const halfG2 = 0.5 * sde.diffusion(t) ** 2;
    for (let k = 0; k < n * dim; k++) velocity[k] = a * state[k] - halfG2 * scores[k];
    for (let i = 0; i < n; i++) divergence[i] = dim * a - halfG2 * divergences[i];
  };
  const { end, divergenceIntegral, evaluations } = await integrateChangeOfVariables(x, dim, field, { name: fn, from: eps, to: sde.T, rtol, atol });
  const endLogDensity = (options.endLogDensity ?? sdePrior(sde))(end, dim, new Float64Array(n));
  const logDensity = endLogDensity.map((value, i) => value + divergenceIntegral[i]);
  return { logDensity, endLogDensity, divergenceIntegral, evaluations };
}

/** The SDE's prior log density (Float32 positions, as the Sde contract takes them). */
function sdePrior(sde: Sde): EndLogDensity {
  return (x, dim, out) => sde.priorLogDensity(Float32Array.from(x), dim, out);
}
