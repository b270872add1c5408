import { DimensionError, type VelocityModel, integerArgument } from '@scoreflow/core';
import { type DivergenceField, integrateChangeOfVariables } from './change-of-variables.js';
import { resolveDivergence } from './divergence-estimator.js';
import { type LikelihoodSolveOptions, solveProbes, solveTolerances } from './likelihood-solve-options.js';
import type { EndLogDensity } from './ode-log-likelihood.js';
import { standardNormalLogDensity } from './standard-normal-log-density.js';

/** Options of `flowLogLikelihood`. */
export interface FlowLikelihoodOptions extends LikelihoodSolveOptions {
  /** The flow's velocity model v(x, t) on t in [0, 1], which must offer a `divergence`. */
  readonly velocity: VelocityModel;
  /** log p_0 of the source at the points x(0) (default N(0, I), `standardNormalLogDensity`). */
  readonly sourceLogDensity?: EndLogDensity;
}

/** What `flowLogLikelihood` found, per particle. */
export interface FlowLikelihood {
  /** log p_1(x_i) = log p_0(x_i(0)) - integral_0^1 div v dt, in nats. */
  readonly logDensity: Float64Array;
  /** log p_0(x_i(0)): the source's part. */
  readonly sourceLogDensity: Float64Array;
  /** integral_1^0 div v(x_i(t), t) dt = -integral_0^1 div v dt: the change of log density along the flow, read backward. */
  readonly divergenceIntegral: Float64Array;
  /** The points carried back to the source, x_i(0) (row-major n * dim). */
  readonly source: Float64Array;
  /** Evaluations of the velocity (each with one of its divergence) for the whole batch. */
  readonly evaluations: number;
}

/**
 * The log density at t = 1 of a flow dx/dt = v(x, t) that carries a source p_0 (t = 0) to p_1
 * (t = 1), by the instantaneous change of variables (Chen et al. 2018, theorem 1; FFJORD, Grathwohl
 * et al. 2019, eq. 4; for flow matching Lipman et al. 2023, section 2): d log p_t(x(t)) / dt =
 * -div v(x(t), t), so
 *
 *   log p_1(x) = log p_0(x(0)) - integral_0^1 div v(x(t), t) dt
 *              = log p_0(x(0)) + integral_1^0 div v(x(t), t) dt,
 *
 * with x(t) the ODE's solution through x(1) = x. The state [x, Delta] is integrated backward from
 * t = 1 to t = 0 (`integrateChangeOfVariables`: core's RK45 in double precision, every particle
 * held to the tolerance), so that Delta(0) is the second line's integral, and the source's log
 * density is added at x(0). The velocity and its divergence are evaluated at the state rounded to
 * Float32 (the VelocityModel contract).
 *
 * The divergence is the model's (`VelocityModel.divergence`): exact (the mixture flow in closed
 * form, a network by autodiff), or Hutchinson's e^T (dv/dx) e with Rademacher probes e drawn once
 * per solve (`rademacherProbes`), unbiased for the integral.
 *
 * @example
 * const flow = mixtureFlow(standardNormal(2), target, straightPath(0));
 * const { logDensity } = await flowLogLikelihood(data, 2, { velocity: flow, rtol: 1e-7, atol: 1e-7 });
 * // logDensity[i] = log p_target(data_i) to about 1e-5
 */
export async function flowLogLikelihood(x: Float32Array | Float64Array, dim: number, options: FlowLikelihoodOptions): Promise<FlowLikelihood> {
  const fn = 'flowLogLikelihood';
  const { velocity: flow } = options;
  integerArgument(fn, 'dim', dim, 1);
  if (flow.dim !== dim) throw new DimensionError(`${fn}: velocity model '${flow.name}'`, dim, flow.dim);
  const { rtol, atol } = solveTolerances(fn, options);
  const { model, hutchinson } = resolveDivergence(fn, flow, options.divergence ?? 'auto', 'velocity model');
  const n = Math.floor(x.length / dim);
  const probe = solveProbes(options, hutchinson, n, dim);
  const velocities = new Float32Array(n * dim);
  const field: DivergenceField = async (_state, positions, t, velocity, divergence) => {
    await model.velocity(positions, t, velocities);
    await model.divergence(positions, t, divergence, probe);
    velocity.set(velocities);
  };
  const { end, divergenceIntegral, evaluations } = await integrateChangeOfVariables(x, dim, field, { name: fn, from: 1, to: 0, rtol, atol });
  const sourceLogDensity = (options.sourceLogDensity ?? standardNormalLogDensity)(end, dim, new Float64Array(n));
  const logDensity = sourceLogDensity.map((value, i) => value + divergenceIntegral[i]);
  return { logDensity, sourceLogDensity, divergenceIntegral, source: end, evaluations };
}
