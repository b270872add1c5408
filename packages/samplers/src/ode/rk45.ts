import { ScoreflowError, type Stage } from '@scoreflow/core';
import { type ReverseSamplerOptions, type SamplerState, reverseSampler } from '../shared/reverse-sampler.js';
import { DORMAND_PRINCE, combineStages } from './dormand-prince.js';
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

/** The adaptive solver's step size could not be made small enough to meet the tolerance. */
export class StepSizeError extends ScoreflowError {}

const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
const EXPONENT = -1 / (DORMAND_PRINCE.errorOrder + 1);

/** What one batch's integration carries from one grid interval to the next. */
interface Rk45Run {
  /** The seven stage derivatives; k[0] holds v(x, t) at the current point (first same as last). */
  k: Float32Array[];
  /** The step size to try next (|h|, in units of t); 0 before the first step. */
  hAbs: number;
}

/**
 * The probability-flow ODE (Song et al. 2021, eq. 13), dx/dt = f(x, t) - g(t)^2 score(x, t) / 2,
 * integrated by the adaptive explicit Runge-Kutta pair of Dormand and Prince (1980), RK5(4)7FSAL,
 * the method of scipy's `solve_ivp(method='RK45')` in score_sde's `ode_sampler`. `times` only sets
 * where the solver stops to emit snapshots (a few steps are enough); in between it takes as many
 * steps as the tolerance needs, stepping exactly onto each grid time.
 *
 * Step control as in Hairer, Norsett and Wanner, "Solving Ordinary Differential Equations I"
 * (2nd ed. 1993), section II.4, as scipy implements it: the local error err = h sum_j e_j k_j is
 * scaled by atol + rtol max(|x_i|, |x_new_i|); a step is accepted when the norm of the scaled error
 * is below 1, and the next step is h min(10, max(0.2, 0.9 norm^(-1/5))) (no growth right after a
 * rejection). The first step follows the rule of section II.4 ("starting step size"), which costs
 * one extra evaluation. After a step cut short by a grid time, the next may grow back to the step
 * tried before the cut.
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
  const rtol = options.rtol ?? 1e-3;
  const atol = options.atol ?? 1e-3;
  const norm = options.norm ?? 'max';
  if (!(rtol >= 1e-6 && rtol < 1)) throw new RangeError(`${name}: rtol must be in [1e-6, 1) (positions are Float32), got ${rtol}.`);
  if (!(atol > 0 && Number.isFinite(atol))) throw new RangeError(`${name}: atol must be a finite number > 0, got ${atol}.`);
  const span = times[0] - times[times.length - 1];
  const runs = new WeakMap<SamplerState, Rk45Run>();
  const velocity = (state: SamplerState, x: Float32Array, t: number, out: Float32Array) => pfOdeVelocity(state, flow, x, t, out);

  return reverseSampler(name, options, async (state, _k, t, next) => {
    const { x } = state;
    if (x.length === 0) return;
    let run = runs.get(state);
    if (run === undefined) {
      run = { k: Array.from({ length: 7 }, (_, j) => state.buffer(`rk45-k${j + 1}`)), hAbs: 0 };
      runs.set(state, run);
      await velocity(state, x, t, run.k[0]);
      run.hAbs = await initialStep(state, x, t, run.k[0], run.k[1], state.buffer('rk45-stage'));
    }
    const { k } = run;
    const stage = state.buffer('rk45-stage');
    let time = t;
    while (time > next) {
      const minStep = 10 * ulp(time);
      let hAbs = Math.max(run.hAbs, minStep);
      let rejected = false;
      for (;;) {
        if (!(hAbs >= minStep)) {
          throw new StepSizeError(`${name}: the step size fell below ${minStep} at t = ${time} without meeting rtol = ${rtol}, atol = ${atol}; the score may be non-finite or too stiff there.`);
        }
        const proposed = hAbs;
        let end = time - hAbs;
        const clipped = end - next < minStep;
        if (clipped) end = next;
        const h = end - time;
        for (let s = 1; s < 6; s++) {
          combineStages(stage, x, h, DORMAND_PRINCE.a[s], k);
          await velocity(state, stage, time + DORMAND_PRINCE.c[s] * h, k[s]);
        }
        combineStages(stage, x, h, DORMAND_PRINCE.b, k);
        await velocity(state, stage, end, k[6]);
        const error = errorNorm(x, stage, k, h, rtol, atol, norm === 'max' ? state.dim : x.length);
        if (error < 1) {
          const optimal = error === 0 ? Number.POSITIVE_INFINITY : SAFETY * error ** EXPONENT;
          const factor = rejected ? Math.min(1, Math.min(MAX_FACTOR, optimal)) : Math.min(MAX_FACTOR, optimal);
          const taken = Math.abs(h);
          run.hAbs = clipped && !rejected ? Math.max(taken * factor, Math.min(proposed, taken * optimal)) : taken * factor;
          x.set(stage);
          [k[0], k[6]] = [k[6], k[0]];
          time = end;
          break;
        }
        rejected = true;
        hAbs = Math.abs(h) * (Number.isNaN(error) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * error ** EXPONENT));
      }
    }
  }, { kind: 'ode' });

  /**
   * The starting step of Hairer, Norsett and Wanner (1993), section II.4, as scipy's
   * `select_initial_step`: h0 = 0.01 |x| / |v| in the tolerance-scaled RMS norm over the batch, then h1 from the change
   * of v over h0 so that the local error of order 5 is about 0.01; min(100 h0, h1, span).
   */
  async function initialStep(state: SamplerState, x: Float32Array, t: number, v0: Float32Array, v1: Float32Array, probe: Float32Array): Promise<number> {
    const n = x.length;
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      const scale = atol + Math.abs(x[i]) * rtol;
      d0 += (x[i] / scale) ** 2;
      d1 += (v0[i] / scale) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    const h0 = Math.min(d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1, span);
    for (let i = 0; i < n; i++) probe[i] = x[i] - h0 * v0[i];
    await velocity(state, probe, t - h0, v1);
    let d2 = 0;
    for (let i = 0; i < n; i++) d2 += ((v1[i] - v0[i]) / (atol + Math.abs(x[i]) * rtol)) ** 2;
    d2 = Math.sqrt(d2 / n) / h0;
    const h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / (DORMAND_PRINCE.errorOrder + 1));
    return Math.min(100 * h0, h1, span);
  }
}

/**
 * The scaled local error err_i / (atol + rtol max(|x_i|, |x_new_i|)), err = h sum_j e_j k_j: its RMS
 * over each group of `group` consecutive coordinates, and the largest over the groups. `group` =
 * x.length is the RMS over the batch; `group` = dim, the worst particle's RMS. NaN if any is NaN.
 */
function errorNorm(x: Float32Array, xNew: Float32Array, k: readonly Float32Array[], h: number, rtol: number, atol: number, group: number): number {
  const e = DORMAND_PRINCE.e;
  const [k1, , k3, k4, k5, k6, k7] = k;
  const n = x.length;
  let worst = 0;
  for (let first = 0; first < n; first += group) {
    let sum = 0;
    for (let i = first; i < first + group; i++) {
      const error = h * (e[0] * k1[i] + e[2] * k3[i] + e[3] * k4[i] + e[4] * k5[i] + e[5] * k6[i] + e[6] * k7[i]);
      const scale = atol + rtol * Math.max(Math.abs(x[i]), Math.abs(xNew[i]));
      sum += (error / scale) ** 2;
    }
    if (Number.isNaN(sum)) return Number.NaN;
    if (sum > worst) worst = sum;
  }
  return Math.sqrt(worst / group);
}

/** The gap between `t` and the next smaller double: the resolution of time near t. */
function ulp(t: number): number {
  return t === 0 ? Number.MIN_VALUE : Math.abs(t) * Number.EPSILON;
}
