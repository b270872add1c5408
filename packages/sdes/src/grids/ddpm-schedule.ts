import { positiveArgument } from '@scoreflow/core';

/** The discrete beta schedules of `ddpmBetas`. */
export type DdpmBetaSchedule = 'linear' | 'scaled-linear' | 'cosine';

/** Options of `ddpmBetas` and `ddpmAlphaBars`. */
export interface DdpmScheduleOptions {
  /** Which schedule (default 'linear'). */
  readonly schedule?: DdpmBetaSchedule;
  /** Number of training levels N (default 1000), an integer >= 2. */
  readonly trainSteps?: number;
  /** beta_0 of 'linear' and 'scaled-linear' (default 1e-4), in (0, 1); unused by 'cosine'. */
  readonly betaStart?: number;
  /** beta_{N-1} of 'linear' and 'scaled-linear' (default 0.02), in [betaStart, 1); unused by 'cosine'. */
  readonly betaEnd?: number;
}

/** The schedules, for messages and option schemas. */
export const DDPM_BETA_SCHEDULES: readonly DdpmBetaSchedule[] = ['linear', 'scaled-linear', 'cosine'];

/** Largest beta of the cosine schedule (Nichol and Dhariwal 2021, section 3.2; diffusers max_beta). */
const COSINE_MAX_BETA = 0.999;
/** Offset s of the cosine schedule (Nichol and Dhariwal 2021, eq. 17). */
const COSINE_OFFSET = 0.008;

/** f(t) = cos^2(((t + s) / (1 + s)) pi / 2), the cosine schedule's alpha_bar up to f(0). */
const cosineF = (t: number) => Math.cos(((t + COSINE_OFFSET) / (1 + COSINE_OFFSET)) * (Math.PI / 2)) ** 2;

/**
 * The betas beta_0..beta_{N-1} of a discrete DDPM forward chain q(x_i | x_{i-1}) =
 * N(sqrt(1 - beta_i) x_{i-1}, beta_i I), as diffusers' `beta_schedule` names them:
 *
 * - 'linear' (Ho et al. 2020, section 4: 1e-4 to 0.02 over N = 1000): beta_i = betaStart + (i / (N-1)) (betaEnd - betaStart);
 * - 'scaled-linear' (diffusers `scaled_linear`, Stable Diffusion): linear in sqrt(beta),
 *   beta_i = (sqrt(betaStart) + (i / (N-1)) (sqrt(betaEnd) - sqrt(betaStart)))^2;
 * - 'cosine' (Nichol and Dhariwal 2021, eq. 17; diffusers `squaredcos_cap_v2`):
 *   beta_i = min(1 - f((i+1)/N) / f(i/N), 0.999) with f(t) = cos^2(((t + 0.008) / 1.008) pi / 2).
 *
 * In float64 (diffusers: float32, so values agree to about 1e-7 relative).
 */
export function ddpmBetas({ schedule = 'linear', trainSteps = 1000, betaStart = 1e-4, betaEnd = 0.02 }: DdpmScheduleOptions = {}): Float64Array {
  if (!DDPM_BETA_SCHEDULES.includes(schedule)) {
    throw new RangeError(`ddpmBetas: schedule must be one of ${DDPM_BETA_SCHEDULES.map((s) => `'${s}'`).join(', ')}, got '${schedule}'.`);
  }
  if (!Number.isInteger(trainSteps) || trainSteps < 2) throw new RangeError(`ddpmBetas: trainSteps must be an integer >= 2, got ${trainSteps}.`);
  positiveArgument('ddpmBetas', 'betaStart', betaStart);
  if (!(betaStart < 1)) throw new RangeError(`ddpmBetas: betaStart must be less than 1, got ${betaStart}.`);
  if (!(betaEnd >= betaStart && betaEnd < 1)) throw new RangeError(`ddpmBetas: betaEnd must be in [betaStart (${betaStart}), 1), got ${betaEnd}.`);
  const n = trainSteps;
  const betas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = i / (n - 1);
    if (schedule === 'linear') betas[i] = betaStart + u * (betaEnd - betaStart);
    else if (schedule === 'scaled-linear') betas[i] = (Math.sqrt(betaStart) + u * (Math.sqrt(betaEnd) - Math.sqrt(betaStart))) ** 2;
    else betas[i] = Math.min(1 - cosineF((i + 1) / n) / cosineF(i / n), COSINE_MAX_BETA);
  }
  return betas;
}

/**
 * log alpha_bar_i = sum_{j <= i} log(1 - beta_j) for the betas of `ddpmBetas` (Ho et al. 2020,
 * eq. 4: q(x_i | x_0) = N(sqrt(alpha_bar_i) x_0, (1 - alpha_bar_i) I)). Logs keep the noise level
 * sigma_i^2 = (1 - alpha_bar_i) / alpha_bar_i = expm1(-log alpha_bar_i) exact at small i.
 */
export function ddpmLogAlphaBars(options: DdpmScheduleOptions = {}): Float64Array {
  const betas = ddpmBetas(options);
  const logs = new Float64Array(betas.length);
  let sum = 0;
  for (let i = 0; i < betas.length; i++) {
    sum += Math.log1p(-betas[i]);
    logs[i] = sum;
  }
  return logs;
}

/**
 * alpha_bar_i = prod_{j <= i} (1 - beta_j), i = 0..N-1 (Ho et al. 2020, eq. 4; diffusers
 * `alphas_cumprod`). For 'linear' 1e-4..0.02 over 1000 levels, alpha_bar_999 is about 4.04e-5;
 * for 'cosine' alpha_bar_i = f((i+1)/N) / f(0) until the 0.999 cap binds at the last level.
 */
export function ddpmAlphaBars(options: DdpmScheduleOptions = {}): Float64Array {
  return ddpmLogAlphaBars(options).map(Math.exp);
}
