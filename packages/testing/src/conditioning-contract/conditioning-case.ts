import type { SamplerCase } from '../sampler-contract/sampler-case.js';

/**
 * The observation of the conditioning contract: x2 = 0.3 seen with noise sigma_y = 0.05
 * (A = [[0, 1]]). The double Gaussian is N((-2, 0), 0.25 I) and N((2, 0), 0.25 I) with equal
 * weights, so x1 and x2 are independent and x2 is N(0, 0.25) in both components: its diffused
 * score factorises at every t, and conditioning on x2 leaves the law of x1 (the two modes) as it
 * is. Every conditioning stage, biased or not, must keep x1's law exactly and bring x2 to y: a
 * stage that leaks the observation into the unobserved coordinates, or ignores it, fails.
 */
export const CONTRACT_OBSERVATION = { A: [[0, 1]], y: [0.3], sigma: 0.05 } as const;

/**
 * One conditioning stage in the contract suite: a `SamplerCase` (its SDEs, steps, options and the
 * allowed bias of x1's mode means and standard deviations), plus how close x2 must come to y.
 */
export interface ConditioningCase extends SamplerCase {
  /**
   * The law x2 should end in: `posterior`, the exact conditional of x2 given y (`observedPosterior`,
   * for stages that use sigma_y: DPS, twisted SMC), or `pinned`, y diffused to tEnd, N(m y, s^2)
   * (replacement and RePaint take y as noise-free and set x2 to it).
   */
  readonly observed: 'posterior' | 'pinned';
  /**
   * Allowed distance of x2's sample mean and standard deviation from that law's, beyond the
   * sampling error (data units): the stage's own bias on the observed part.
   */
  readonly observedBias: number;
  /** Whether the stage emits weights (a `weight` column, uniform after a final resampling). */
  readonly weighted?: boolean;
}

/**
 * The law of x2 given y: prior N(0, v), v = 0.25, likelihood N(y; x2, sigma_y^2), so the
 * posterior is N(y v / (v + sigma_y^2), v sigma_y^2 / (v + sigma_y^2)). A noise-free stage
 * (replacement, RePaint) pins x2 at y instead; both are within `observedBias` of this.
 */
export function observedPosterior(priorVariance = 0.25): { mean: number; std: number } {
  const { y, sigma } = CONTRACT_OBSERVATION;
  const total = priorVariance + sigma * sigma;
  return { mean: (y[0] * priorVariance) / total, std: Math.sqrt((priorVariance * sigma * sigma) / total) };
}
