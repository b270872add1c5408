/** Constants of the dual-averaging step-size adaptation (Hoffman and Gelman 2014, section 3.2.1). */
export interface DualAveragingConstants {
  /** gamma: how fast the iterates may move away from mu; 0.05. */
  readonly gamma: number;
  /** t0: damps the first iterations; 10. */
  readonly t0: number;
  /** kappa: decay of the averaging weight m^-kappa; 0.75. */
  readonly kappa: number;
}

/** Hoffman and Gelman's recommended constants. */
export const DUAL_AVERAGING: DualAveragingConstants = { gamma: 0.05, t0: 10, kappa: 0.75 };

/** Per-chain dual averaging of log step sizes; see `dualAveraging`. */
export interface DualAveraging {
  /** Takes the acceptance probabilities of warm-up iteration m (1-based) and writes each chain's next step size. */
  update(m: number, alpha: Float64Array, stepSize: Float64Array): void;
  /** Writes the averaged step sizes eps-bar, the ones to sample with after warm-up. */
  finish(stepSize: Float64Array): void;
}

/**
 * Nesterov's (2009) dual averaging as Hoffman and Gelman (2014, Algorithm 5, eqs. 5-6) adapt the
 * HMC step size, run independently for each of `n` chains from its initial step size eps_0:
 * with mu = log(10 eps_0), H-bar_0 = 0, log eps-bar_0 = 0, after iteration m with acceptance
 * probability alpha_m,
 *
 *   H-bar_m = (1 - 1 / (m + t0)) H-bar_{m-1} + (delta - alpha_m) / (m + t0),
 *   log eps_m = mu - sqrt(m) / gamma * H-bar_m,
 *   log eps-bar_m = m^-kappa log eps_m + (1 - m^-kappa) log eps-bar_{m-1},
 *
 * so that the mean acceptance probability tends to `delta` (the target acceptance). Used for
 * every MCMC sampler here (the step is RWM's proposal scale, MALA's h, HMC's epsilon).
 */
export function dualAveraging(n: number, initial: Float64Array, delta: number, constants: DualAveragingConstants = DUAL_AVERAGING): DualAveraging {
  const { gamma, t0, kappa } = constants;
  const mu = Float64Array.from(initial, (eps) => Math.log(10 * eps));
  const hBar = new Float64Array(n);
  const logEpsBar = new Float64Array(n);
  return {
    update(m, alpha, stepSize) {
      const weight = 1 / (m + t0);
      const scale = Math.sqrt(m) / gamma;
      const average = m ** -kappa;
      for (let i = 0; i < n; i++) {
        hBar[i] = (1 - weight) * hBar[i] + weight * (delta - alpha[i]);
        const logEps = mu[i] - scale * hBar[i];
        logEpsBar[i] = average * logEps + (1 - average) * logEpsBar[i];
        stepSize[i] = Math.exp(logEps);
      }
    },
    finish(stepSize) {
      for (let i = 0; i < n; i++) stepSize[i] = Math.exp(logEpsBar[i]);
    },
  };
}
