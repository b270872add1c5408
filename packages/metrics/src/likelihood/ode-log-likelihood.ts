import { DimensionError, type Rng, type ScoreModel, type Sde, createRng, integerArgument, positiveArgument, rk45Solver, showValue } from '@scoreflow/core';
import { type DivergenceMode, resolveDivergence } from './divergence-estimator.js';
import { rademacherProbes } from './rademacher-probes.js';

/** log p_T of end points x(T) (row-major n * dim) into `out` (n values); returns `out`. */
export type EndLogDensity = (x: Float64Array, dim: number, out: Float64Array) => Float64Array;

/** Options of `odeLogLikelihood`. */
export interface OdeLikelihoodOptions {
  /** The forward SDE (linear drift f = a(t) x: every SDE of the sdes package). */
  readonly sde: Sde;
  /** The score model, which must offer a `divergence`. */
  readonly score: ScoreModel;
  /** Start time eps of the integration: the result is log p_eps (default 1e-5, score_sde's). */
  readonly eps?: number;
  /** Relative tolerance of the RK45 steps (default 1e-5, score_sde's). */
  readonly rtol?: number;
  /** Absolute tolerance of the RK45 steps (default 1e-5). */
  readonly atol?: number;
  /** Exact divergence, Hutchinson's estimator, or by dimension (default `auto`): see `resolveDivergence`. */
  readonly divergence?: DivergenceMode;
  /** The generator of Hutchinson's probes (default seed 0); particle i gets the probe of id `first + i`. */
  readonly rng?: Rng;
  /** Id of the first particle, for the probes (default 0). */
  readonly first?: number;
  /** Which draw of probes (the keyed generator's step; default 0): another draw, another estimate. */
  readonly draw?: number;
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
 * the tolerance (the error norm is the worst particle's). The score and its divergence are
 * evaluated at the state rounded to Float32 (the ScoreModel contract).
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
  if (x.length % dim !== 0) throw new RangeError(`${fn}: 'x' must hold whole particles of ${dim} coordinates, got ${x.length} values.`);
  const eps = positiveArgument(fn, 'eps', options.eps ?? 1e-5);
  if (!(eps < sde.T)) throw new RangeError(`${fn}: 'eps' must be below the SDE's T = ${sde.T}, got ${showValue(eps)}.`);
  const rtol = toleranceArgument(fn, 'rtol', options.rtol ?? 1e-5);
  const atol = toleranceArgument(fn, 'atol', options.atol ?? 1e-5);
  const driftCoefficient = sde.driftCoefficient?.bind(sde);
  if (driftCoefficient === undefined) throw new RangeError(`${fn}: the SDE '${sde.name}' must give its linear drift coefficient a(t) (driftCoefficient).`);
  const { model, hutchinson } = resolveDivergence(fn, score, options.divergence ?? 'auto');
  const n = x.length / dim;
  const width = dim + 1;
  const probe = hutchinson ? rademacherProbes(options.rng ?? createRng(0), options.first ?? 0, n, dim, options.draw ?? 0) : undefined;

  // The state, particle by particle: x_i (dim values) then Delta_i.
  const y = new Float64Array(n * width);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) y[i * width + j] = x[i * dim + j];
  const positions = new Float32Array(n * dim);
  const scores = new Float32Array(n * dim);
  const divergences = new Float64Array(n);
  let evaluations = 0;
  const derivative = async (state: Float64Array, t: number, out: Float64Array) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) positions[i * dim + j] = state[i * width + j];
    await model.score(positions, t, scores);
    await model.divergence(positions, t, divergences, probe);
    evaluations += 1;
    const a = driftCoefficient(t);
    const halfG2 = 0.5 * sde.diffusion(t) ** 2;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < dim; j++) out[i * width + j] = a * state[i * width + j] - halfG2 * scores[i * dim + j];
      out[i * width + dim] = dim * a - halfG2 * divergences[i];
    }
  };
  if (n > 0) {
    const solver = rk45Solver(derivative, y, eps, { name: fn, rtol, atol, group: width, span: sde.T - eps }, () => new Float64Array(n * width));
    await solver.advance(sde.T);
  }

  const end = new Float64Array(n * dim);
  const divergenceIntegral = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) end[i * dim + j] = y[i * width + j];
    divergenceIntegral[i] = y[i * width + dim];
  }
  const endLogDensity = (options.endLogDensity ?? sdePrior(sde))(end, dim, new Float64Array(n));
  const logDensity = endLogDensity.map((value, i) => value + divergenceIntegral[i]);
  return { logDensity, endLogDensity, divergenceIntegral, evaluations };
}

/** The SDE's prior log density (Float32 positions, as the Sde contract takes them). */
function sdePrior(sde: Sde): EndLogDensity {
  return (x, dim, out) => sde.priorLogDensity(Float32Array.from(x), dim, out);
}

/** A tolerance in (0, 1). */
function toleranceArgument(fn: string, name: string, value: number): number {
  if (!(value > 0 && value < 1)) throw new RangeError(`${fn}: '${name}' must be a number in (0, 1), got ${showValue(value)}.`);
  return value;
}
