import type { AcceleratedStageSpec } from '@scoreflow/core';

/**
 * The floats of one step's row in a `StepProgram`. Every reverse sampler and the forward
 * diffusion of a linear SDE is, per step k from t = times[k] to t' = times[k + 1], the update
 *
 *   s1 = score(x, t)                         (when `scored`)
 *   y  = px x + ps s1,  s2 = score(y, t')    (when `twoStage`: Heun's corrector)
 *   D  = dx x + ds s1                        (Tweedie's denoiser, kept for DPM-Solver++(2M))
 *   x' = cx x + cs s1 + cprev D_prev + cz z + cy y + cs2 s2,   D_prev <- D
 *
 * with z ~ N(0, I) drawn where cz != 0. The coefficients are computed here in float64, as the CPU
 * samplers compute theirs, and read by the device as float32.
 */
export const STEP_STRIDE = 12;

/** Column of each coefficient in a step's row. */
export const STEP = { cx: 0, cs: 1, cz: 2, cprev: 3, dx: 4, ds: 5, px: 6, ps: 7, cy: 8, cs2: 9, twoStage: 10, scored: 11 } as const;

/** A stage's steps as coefficient rows, and the score evaluations per particle they take. */
export interface StepProgram {
  readonly steps: number;
  /** `steps * STEP_STRIDE` floats (see `STEP_STRIDE`). */
  readonly rows: Float64Array;
  /** Score evaluations per particle over all the steps (the stage's NFE). */
  readonly evaluations: number;
  /** Whether any step draws noise. */
  readonly noisy: boolean;
}

type Row = Partial<Record<keyof typeof STEP, number>>;

/**
 * The step program of a reverse sampler or the forward diffusion (`spec.method`), from the grid and
 * the SDE's coefficients at each time (`spec.sde`): the arithmetic of the samplers package
 * (`eulerMaruyama`, `odeEuler`, `heun`, `dpmSolver2m`, `ancestral`, `forwardDiffusion`), folded
 * into the linear form of `STEP_STRIDE`. Throws a RangeError for an MCMC method (no grid).
 */
export function stepProgram(spec: AcceleratedStageSpec): StepProgram {
  const { times, sde } = spec;
  if (sde === undefined) throw new RangeError(`stepProgram: ${spec.name} (${spec.method}) has no SDE coefficients.`);
  const steps = times.length - 1;
  const rows = new Float64Array(steps * STEP_STRIDE);
  const last = steps - 1;
  let evaluations = 0;
  let noisy = false;
  for (let k = 0; k < steps; k++) {
    const at = { t: times[k], a: sde.drift[k], g: sde.diffusion[k], m: sde.mean[k], s: sde.std[k] };
    const to = { t: times[k + 1], a: sde.drift[k + 1], g: sde.diffusion[k + 1], m: sde.mean[k + 1], s: sde.std[k + 1] };
    const previousSigma = k === 0 ? Number.NaN : sde.std[k - 1] / sde.mean[k - 1];
    const row = rowOf(spec, k === last, k, at, to, previousSigma);
    const base = k * STEP_STRIDE;
    for (const [name, value] of Object.entries(row) as [keyof typeof STEP, number][]) rows[base + STEP[name]] = value;
    evaluations += (row.scored ?? 0) + (row.twoStage ?? 0);
    noisy ||= (row.cz ?? 0) !== 0;
  }
  return { steps, rows, evaluations, noisy };
}

interface Point {
  readonly t: number;
  /** Drift coefficient a(t), diffusion g(t), marginal mean m(t) and std s(t). */
  readonly a: number;
  readonly g: number;
  readonly m: number;
  readonly s: number;
}

function rowOf(spec: AcceleratedStageSpec, isLast: boolean, k: number, at: Point, to: Point, previousSigma: number): Row {
  const dt = to.t - at.t;
  const noiseRemoval = spec.options.noiseRemoval ?? true;
  switch (spec.method) {
    case 'euler-maruyama':
      // x' = (1 + a dt) x - g^2 dt s1 + g sqrt(-dt) z (Song et al. 2021, eq. 6).
      return { scored: 1, cx: 1 + at.a * dt, cs: -at.g * at.g * dt, cz: noiseRemoval && isLast ? 0 : at.g * Math.sqrt(-dt) };
    case 'ode-euler':
      // x' = x + dt [a x - g^2 s1 / 2] (eq. 13).
      return { scored: 1, cx: 1 + at.a * dt, cs: -0.5 * at.g * at.g * dt };
    case 'ancestral': {
      // x' = coefXt x + coefX0 D + std z with D = (x + s^2 s1) / m (Ho et al. 2020, eqs. 6-7).
      const a = at.m / to.m;
      const variance = at.s * at.s;
      const previous = to.s * to.s;
      const v = Math.max(variance - a * a * previous, 0);
      const coefXt = (a * previous) / variance;
      const coefX0 = (to.m * v) / variance;
      const std = Math.sqrt((previous * v) / variance);
      return { scored: 1, cx: coefXt + coefX0 / at.m, cs: (coefX0 * variance) / at.m, cz: noiseRemoval && isLast ? 0 : std };
    }
    case 'heun':
      return spec.options.space === 'time' ? heunTime(at, to, dt) : heunSigma(at, to);
    case 'dpm-solver-2m':
      return dpmSolver2m(k, at, to, previousSigma);
    case 'forward':
      if (spec.options.forward === 'euler-maruyama') return { cx: 1 + at.a * dt, cz: at.g * Math.sqrt(dt) };
      {
        // The exact transition: x' = (m' / m) x + sqrt(s'^2 - (m' / m)^2 s^2) z.
        const scale = to.m / at.m;
        return { cx: scale, cz: Math.sqrt(Math.max(0, to.s * to.s - scale * scale * at.s * at.s)) };
      }
    default:
      throw new RangeError(`stepProgram: ${spec.method} is not a stepped sampler.`);
  }
}

/** Heun in the SDE's time: y = x + dt v1, x' = x + dt (v1 + v2) / 2 with v = a x - g^2 score / 2. */
function heunTime(at: Point, to: Point, dt: number): Row {
  const predictor = { scored: 1, cx: 1 + at.a * dt, cs: -0.5 * at.g * at.g * dt };
  if (to.t === 0) return predictor;
  return {
    scored: 1,
    twoStage: 1,
    px: predictor.cx,
    ps: predictor.cs,
    cx: 1 + 0.5 * dt * at.a,
    cs: -0.25 * dt * at.g * at.g,
    cy: 0.5 * dt * to.a,
    cs2: -0.25 * dt * to.g * to.g,
  };
}

/**
 * Heun in sigma = s / m (Karras et al. 2022, Algorithm 1): with x-hat = x / m the slope
 * (x-hat - D) / sigma is -s score, so y = m' (x / m - dSigma s s1) and
 * x' = m' (x / m - dSigma (s s1 + s' s2) / 2); a last step to sigma' = 0 is Euler's.
 */
function heunSigma(at: Point, to: Point): Row {
  const sigma = at.s / at.m;
  const sigmaNext = to.s / to.m;
  const dSigma = sigmaNext - sigma;
  const euler = { scored: 1, cx: to.m / at.m, cs: -to.m * dSigma * at.s };
  if (to.t === 0 || sigmaNext === 0) return euler;
  return { scored: 1, twoStage: 1, px: euler.cx, ps: euler.cs, cx: to.m / at.m, cs: -0.5 * to.m * dSigma * at.s, cs2: -0.5 * to.m * dSigma * to.s };
}

/**
 * DPM-Solver++(2M) (Lu et al. 2022, Algorithm 2): x' = (s' / s) x - m' expm1(-h) D' with
 * D = (x + s^2 s1) / m, D' = D on the first step and on a last step to sigma' = 0, else
 * (1 + 1 / (2r)) D - D_prev / (2r), r = h_prev / h.
 */
function dpmSolver2m(k: number, at: Point, to: Point, previousSigma: number): Row {
  const sigma = at.s / at.m;
  const sigmaNext = to.s / to.m;
  const h = Math.log(sigma / sigmaNext);
  const stdRatio = (to.m * (sigmaNext / sigma)) / at.m;
  const mExpm1 = sigmaNext === 0 ? to.m : -to.m * Math.expm1(-h);
  const denoiser = { dx: 1 / at.m, ds: (at.s * at.s) / at.m };
  let weight = mExpm1;
  let previous = 0;
  if (!(k === 0 || sigmaNext === 0)) {
    const r = Math.log(previousSigma / sigma) / h;
    weight = mExpm1 * (1 + 1 / (2 * r));
    previous = -mExpm1 / (2 * r);
  }
  return { scored: 1, ...denoiser, cx: stdRatio + weight * denoiser.dx, cs: weight * denoiser.ds, cprev: previous };
}
