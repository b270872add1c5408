import { type Rk45Solver, type Stage, rk45Solver } from '@scoreflow/core';
import type { SamplerState } from '../shared/reverse-sampler.js';
import type { Rk45Norm } from '../ode/rk45.js';
import { type FlowSamplerOptions, flowSampler, flowVelocity } from './flow-sampler.js';

/** Options of `flowRk45`. */
export interface FlowRk45Options extends FlowSamplerOptions {
  /** Relative tolerance of each step's local error (default 1e-4, torchcfm's dopri5 tolerance). */
  readonly rtol?: number;
  /** Absolute tolerance, in data units (default 1e-4). */
  readonly atol?: number;
  /** `max` (default): the worst particle's RMS error; `rms`: over the batch (see `rk45`). */
  readonly norm?: Rk45Norm;
}

/**
 * The flow ODE dx/dt = v(x, t) by the adaptive Dormand-Prince RK5(4) pair (core's `rk45Solver`,
 * the integrator of the probability-flow `rk45` sampler), forward in t; torchcfm's notebooks use
 * dopri5 with tolerance 1e-4. `times` only sets where it stops for snapshots. One step size serves a
 * batch, so results depend slightly on the batching (see `rk45`). NFE = 2 + 6 per attempted step.
 *
 * @example
 * sourceBatches.pipe(flowRk45({ velocity, rng: ctx.rng, times: flowTimes(4) }))
 */
export function flowRk45(options: FlowRk45Options): Stage {
  const name = options.name ?? 'flow-rk45';
  const rtol = options.rtol ?? 1e-4;
  const atol = options.atol ?? 1e-4;
  const norm = options.norm ?? 'max';
  if (!(rtol >= 1e-6 && rtol < 1)) throw new RangeError(`${name}: rtol must be in [1e-6, 1) (positions are Float32), got ${rtol}.`);
  if (!(atol > 0 && Number.isFinite(atol))) throw new RangeError(`${name}: atol must be a finite number > 0, got ${atol}.`);
  const { times } = options;
  const span = times[times.length - 1] - times[0];
  const solvers = new WeakMap<SamplerState, Rk45Solver>();
  return flowSampler(name, options, async (state, _k, t, next) => {
    if (state.x.length === 0) return;
    let solver = solvers.get(state);
    if (solver === undefined) {
      const velocity = (x: Float32Array, time: number, out: Float32Array) => flowVelocity(state, x, time, out);
      const group = norm === 'max' ? state.dim : state.x.length;
      solver = rk45Solver(velocity, state.x, t, { name, rtol, atol, group, span }, (buffer) => state.buffer(buffer));
      solvers.set(state, solver);
    }
    await solver.advance(next);
  });
}
