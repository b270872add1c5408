import { type Rk45Solver, type Stage, rk45Solver } from '@scoreflow/core';
import { type ReverseSamplerOptions, type SamplerState, reverseSampler } from '../shared/reverse-sampler.js';
import { pfOdeVelocity } from './pf-ode-velocity.js';
import { reverseSde } from '../reverse-sde/reverse-sde.js';

/** Options of `rk45`. */
export interface Rk45Options extends ReverseSamplerOptions {
  /** Relative tolerance of each step's local error; 1e-3 by default (scipy's and score_sde's). */
  readonly rtol?: number;
  /** Absolute tolerance of each step's local error, in data units; 1e-3 by default. */
  readonly atol?: number;
  /**
   * How a step's error is measured: `max` (default), the largest per-particle RMS, so that every
   * particle meets the tolerance; `rms`, the RMS over all coordinates of the batch (scipy on
   * score_sde's flattened batch). See `rk45`.
   */
  readonly norm?: Rk45Norm;
}

/** See `Rk45Options.norm`. */
export type Rk45Norm = 'rms' | 'max';

/** The step-error controls `rtol`, `atol` and `norm` of an RK45 stage. */
export type Rk45Controls = Pick<Rk45Options, 'rtol' | 'atol' | 'norm'>;

/**
 * The step-error controls of an RK45 stage (`rk45`, and the flow sampler's): `rtol` in [1e-6, 1)
 * (positions are Float32) and `atol` finite and > 0, both `fallback` when not given, and `norm`
 * (`max` by default). A bad value is a RangeError naming the stage `name`.
 */
export function rk45Tolerances(name: string, options: Rk45Controls, fallback: number): Required<Rk45Controls> {
  const rtol = options.rtol ?? fallback;
  const atol = options.atol ?? fallback;
  if (!(rtol >= 1e-6 && rtol < 1)) throw new RangeError(`${name}: rtol must be in [1e-6, 1) (positions are Float32), got ${rtol}.`);
  if (!(atol > 0 && Number.isFinite(atol))) throw new RangeError(`${name}: atol must be a finite number > 0, got ${atol}.`);
  return { rtol, atol, norm: options.norm ?? 'max' };
}

/**
 * The probability-flow ODE (Song et al. 2021, eq. 13), dx/dt = f(x, t) - g(t)^2 score(x, t) / 2,
 * integrated by the adaptive explicit Runge-Kutta pair of Dormand and Prince (1980), RK5(4)7FSAL,
 * the method of scipy's `solve_ivp(method='RK45')` in score_sde's `ode_sampler`. `times` only sets
 * where the solver stops to emit snapshots (a few steps are enough); in between it takes as many
 * steps as the tolerance needs, stepping exactly onto each grid time.
 *
 * The integrator is core's `rk45Solver` (step control of Hairer, Norsett and Wanner 1993, section
 * II.4, as scipy), one per batch, kept from one grid interval to the next.
 *
 * One step size serves the whole batch (the score model takes one t per call), so the step sizes
 * depend on the batch's composition and results are NOT independent of the batch size, unlike
 * every fixed-step sampler. The `norm` bounds how much:
 * - `max` (default): the largest per-particle RMS over its coordinates, so that EVERY particle meets
 *   the tolerance in whatever batch it travels; another batching moves a particle by less than its
 *   tolerance, and the batch's worst particle sets the step;
 * - `rms`: the RMS over all coordinates of the batch, as scipy on score_sde's flattened batch: a
 *   typical particle meets the tolerance, an outlier may miss it by far (measured: 12 times its
 *   tolerance in batches of 250, against 0.3 times with `max`, at the same NFE).
 *
 * NFE per particle = evaluations per batch = 2 + 6 per attempted step (k_1 is shared between
 * steps; rejected steps count). Positions are Float32: tolerances below about 1e-6 buy nothing.
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(rk45({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 4, 1e-3), rtol: 1e-4 }))
 */
export function rk45(options: Rk45Options): Stage {
  const { sde, times } = options;
  const flow = reverseSde(sde, true);
  const name = options.name ?? 'rk45';
  const { rtol, atol, norm } = rk45Tolerances(name, options, 1e-3);
  const span = times[0] - times[times.length - 1];
  const solvers = new WeakMap<SamplerState, Rk45Solver>();

  return reverseSampler(name, options, async (state, _k, t, next) => {
    if (state.x.length === 0) return;
    let solver = solvers.get(state);
    if (solver === undefined) {
      const velocity = (x: Float32Array, time: number, out: Float32Array) => pfOdeVelocity(state, flow, x, time, out);
      const group = norm === 'max' ? state.dim : state.x.length;
      solver = rk45Solver(velocity, state.x, t, { name, rtol, atol, group, span }, (buffer) => state.buffer(buffer));
      solvers.set(state, solver);
    }
    await solver.advance(next);
  }, { kind: 'ode' });
}
