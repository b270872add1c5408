import type { ConditioningKind } from './contestants.js';

/** One contestant at one budget, summed or averaged over the K conditions. */
export interface ConditioningRow {
  readonly contestant: string;
  readonly kind: ConditioningKind;
  /** Evaluations per particle and condition it was given. */
  readonly perParticle: number;
  /** Evaluations spent over all conditions and particles. */
  readonly evaluations: number;
  /** Wall time over all conditions, seconds. */
  readonly seconds: number;
  /** Mean over the conditions of the KS distance of x2 to the exact conditional. */
  readonly ks: number;
  /** Mean over the conditions of the error of the problem's summary of x2 (the upper mode's weight, E[x2 | y]). */
  readonly summaryError: number;
}
