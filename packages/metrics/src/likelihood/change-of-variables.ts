import { integerArgument, rk45Solver, showValue } from '@scoreflow/core';

/**
 * The right-hand side of the augmented ODE: the velocity v(x_i, t) of every particle into
 * `velocity` (n * dim) and div v(x_i, t) into `divergence` (n values), at the state's positions `x`
 * (Float64, n * dim) and the same rounded to Float32 (`positions`, what model contracts take).
 */
export type DivergenceField = (x: Float64Array, positions: Float32Array, t: number, velocity: Float64Array, divergence: Float64Array) => void | Promise<void>;

/** Where `integrateChangeOfVariables` took the points. */
export interface ChangeOfVariables {
  /** x_i(to), row-major n * dim. */
  readonly end: Float64Array;
  /** integral_from^to div v(x_i(t), t) dt per particle: negative of an integral from `to` back to `from`. */
  readonly divergenceIntegral: Float64Array;
  /** Evaluations of the field for the whole batch. */
  readonly evaluations: number;
}

/** Settings of `integrateChangeOfVariables`. */
export interface ChangeOfVariablesSettings {
  /** Who integrates, for messages. */
  readonly name: string;
  /** Where the points are given (the data's time). */
  readonly from: number;
  /** Where the density is known (the prior's or the source's time); above or below `from`. */
  readonly to: number;
  readonly rtol: number;
  readonly atol: number;
}

/**
 * The instantaneous change of variables (Chen et al. 2018, theorem 1; FFJORD, Grathwohl et al.
 * 2019): along a solution of dx/dt = v(x, t), d log p_t(x(t)) / dt = -div v(x(t), t), so that for
 * points x given at t = `from`,
 *
 *   log p_from(x) = log p_to(x(to)) + integral_from^to div v(x(t), t) dt,
 *
 * whichever way `to` lies. This integrates the state [x, Delta] (Delta the integral so far, one per
 * particle) from `from` to `to` in double precision with core's adaptive Dormand-Prince
 * `rk45Solver` (scipy's RK45), every particle held to the tolerance (the error norm is the worst
 * particle's), and returns x(to) and Delta(to); the caller adds log p_to(x(to)). The probability-flow
 * ODE (`odeLogLikelihood`, forward from eps to T) and a flow (`flowLogLikelihood`, backward from 1
 * to 0) are two fields of it.
 */
export async function integrateChangeOfVariables(x: Float32Array | Float64Array, dim: number, field: DivergenceField, settings: ChangeOfVariablesSettings): Promise<ChangeOfVariables> {
  const { name, from, to, rtol, atol } = settings;
  integerArgument(name, 'dim', dim, 1);
  if (x.length % dim !== 0) throw new RangeError(`${name}: 'x' must hold whole particles of ${dim} coordinates, got ${x.length} values.`);
  const n = x.length / dim;
  const width = dim + 1;
  // The state, particle by particle: x_i (dim values) then Delta_i.
  const y = new Float64Array(n * width);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) y[i * width + j] = x[i * dim + j];
  const here = new Float64Array(n * dim);
  const positions = new Float32Array(n * dim);
  const velocity = new Float64Array(n * dim);
  const divergence = new Float64Array(n);
  let evaluations = 0;
  const derivative = async (state: Float64Array, t: number, out: Float64Array) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) positions[i * dim + j] = here[i * dim + j] = state[i * width + j];
    await field(here, positions, t, velocity, divergence);
    evaluations += 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < dim; j++) out[i * width + j] = velocity[i * dim + j];
      out[i * width + dim] = divergence[i];
    }
  };
  if (n > 0) {
    const solver = rk45Solver(derivative, y, from, { name, rtol, atol, group: width, span: Math.abs(to - from) }, () => new Float64Array(n * width));
    await solver.advance(to);
  }
  const end = new Float64Array(n * dim);
  const divergenceIntegral = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) end[i * dim + j] = y[i * width + j];
    divergenceIntegral[i] = y[i * width + dim];
  }
  return { end, divergenceIntegral, evaluations };
}

/** A tolerance of the RK45 steps, in (0, 1). */
export function toleranceArgument(fn: string, name: string, value: number): number {
  if (!(value > 0 && value < 1)) throw new RangeError(`${fn}: '${name}' must be a number in (0, 1), got ${showValue(value)}.`);
  return value;
}
