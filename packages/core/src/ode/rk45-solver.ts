import { DORMAND_PRINCE, type OdeVector, combineStages } from './dormand-prince.js';
import { errorNorm } from './error-norm.js';
import { initialStep } from './initial-step.js';
import type { OdeDerivative } from './ode-derivative.js';
import { StepSizeError } from './step-size-error.js';

/** Settings of `rk45Solver`. */
export interface Rk45Settings {
  /** Who integrates, for messages (e.g. the stage's name). */
  readonly name: string;
  /** Relative tolerance of each step's local error. */
  readonly rtol: number;
  /** Absolute tolerance of each step's local error, in the state's units. */
  readonly atol: number;
  /**
   * Coordinates per error group: the error norm is the largest RMS over groups of this many
   * consecutive coordinates (one particle's), or the RMS over the whole state when it is the
   * state's length (scipy). See `errorNorm`.
   */
  readonly group: number;
  /** |t_end - t_start| of the whole integration: bounds the first step. */
  readonly span: number;
}

/** An adaptive integration under way: `advance` moves its state in place. */
export interface Rk45Solver {
  /** The time the state is at. */
  readonly time: number;
  /**
   * Integrates the state from `time` to `to`, stepping exactly onto `to`; every call goes the way of
   * the first. Rejects with a `StepSizeError` when the step size falls below 10 ulp of t.
   */
  advance(to: number): Promise<void>;
}

const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
const EXPONENT = -1 / (DORMAND_PRINCE.errorOrder + 1);

/**
 * dy/dt = F(y, t) by the adaptive explicit Runge-Kutta pair of Dormand and Prince (1980),
 * RK5(4)7FSAL, the method of scipy's `solve_ivp(method='RK45')`, forward or backward in time.
 * `y` is the state at `t0` and is advanced in place; Float32 or Float64 (the arithmetic is in double
 * precision either way, the state and the stage derivatives are stored in y's type).
 *
 * Step control as in Hairer, Norsett and Wanner, "Solving Ordinary Differential Equations I" (2nd
 * ed. 1993), section II.4, as scipy implements it: the local error err = h sum_j e_j k_j is scaled
 * by atol + rtol max(|y_i|, |y_new_i|); a step is accepted when the norm of the scaled error is
 * below 1 (`errorNorm`), and the next step is h min(10, max(0.2, 0.9 norm^(-1/5))) (no growth right
 * after a rejection). The first step follows the rule of section II.4 (`initialStep`), which costs
 * one extra evaluation. A step cut short to land on `to` does not shrink the next: it may grow
 * back to the step tried before the cut.
 *
 * Evaluations of F: 2 at the first `advance` (k_1 and the starting-step probe), then 6 per
 * attempted step (k_1 is shared between steps; rejected steps count). `allocate(name)` gives the
 * scratch vectors (y's length and type): eight, asked once each.
 *
 * @example
 * const y = Float64Array.of(1);
 * await rk45Solver((y, _t, out) => { out[0] = -y[0]; }, y, 0, { name: 'decay', rtol: 1e-8, atol: 1e-10, group: 1, span: 1 }, () => new Float64Array(1)).advance(1);
 * // y[0] = exp(-1) to about 1e-8
 */
export function rk45Solver<V extends OdeVector>(derivative: OdeDerivative<V>, y: V, t0: number, settings: Rk45Settings, allocate: (name: string) => V): Rk45Solver {
  const { name, rtol, atol, group, span } = settings;
  let time = t0;
  let k: V[] | undefined;
  let stage: V | undefined;
  /** The step size to try next (|h|, in units of t). */
  let hAbs = 0;
  let direction = 0;

  async function start(to: number): Promise<void> {
    k = Array.from({ length: 7 }, (_, j) => allocate(`rk45-k${j + 1}`));
    stage = allocate('rk45-stage');
    direction = to < time ? -1 : 1;
    await derivative(y, time, k[0]);
    hAbs = await initialStep(derivative, y, time, direction, span, rtol, atol, { v0: k[0], v1: k[1], probe: stage });
  }

  async function advance(to: number): Promise<void> {
    if (k === undefined) await start(to);
    const ks = k as V[];
    const point = stage as V;
    while (direction < 0 ? time > to : time < to) {
      const minStep = 10 * ulp(time);
      let tried = Math.max(hAbs, minStep);
      let rejected = false;
      for (;;) {
        if (!(tried >= minStep)) {
          throw new StepSizeError(`${name}: the step size fell below ${minStep} at t = ${time} without meeting rtol = ${rtol}, atol = ${atol}; the derivative may be non-finite or too stiff there.`);
        }
        const proposed = tried;
        let end = direction < 0 ? time - tried : time + tried;
        const clipped = (direction < 0 ? end - to : to - end) < minStep;
        if (clipped) end = to;
        const h = end - time;
        for (let s = 1; s < 6; s++) {
          combineStages(point, y, h, DORMAND_PRINCE.a[s], ks);
          await derivative(point, time + DORMAND_PRINCE.c[s] * h, ks[s]);
        }
        combineStages(point, y, h, DORMAND_PRINCE.b, ks);
        await derivative(point, end, ks[6]);
        const error = errorNorm(y, point, ks, h, rtol, atol, group);
        if (error < 1) {
          const optimal = error === 0 ? Number.POSITIVE_INFINITY : SAFETY * error ** EXPONENT;
          const factor = rejected ? Math.min(1, Math.min(MAX_FACTOR, optimal)) : Math.min(MAX_FACTOR, optimal);
          const taken = Math.abs(h);
          hAbs = clipped && !rejected ? Math.max(taken * factor, Math.min(proposed, taken * optimal)) : taken * factor;
          y.set(point);
          [ks[0], ks[6]] = [ks[6], ks[0]];
          time = end;
          break;
        }
        rejected = true;
        tried = Math.abs(h) * (Number.isNaN(error) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * error ** EXPONENT));
      }
    }
  }

  return {
    get time() {
      return time;
    },
    advance,
  };
}

/** The gap between `t` and the next smaller double: the resolution of time near t. */
function ulp(t: number): number {
  return t === 0 ? Number.MIN_VALUE : Math.abs(t) * Number.EPSILON;
}
