import type { ContestantKind } from './budget.js';
import type { SampleQuality } from './sample-quality.js';

/** One contestant at one budget: what it was given, what it spent and how good its sample is. */
export interface RaceRow extends SampleQuality {
  readonly contestant: string;
  readonly kind: ContestantKind;
  /** Total evaluations it was given. */
  readonly budget: number;
  /** The stage options that budget set (steps, warmup, thin, ...). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Size of the sample it returned. */
  readonly n: number;
  /** Total evaluations actually spent (from the run's stats). */
  readonly evaluations: number;
  /** Wall time, seconds. */
  readonly seconds: number;
}

/** The metrics between two independent exact samples of the target, averaged over `pairs` pairs. */
export interface NoiseFloor {
  readonly sw2: number;
  /** Standard deviation of sliced W2 over the pairs. */
  readonly sw2Spread: number;
  readonly mmd2: number;
  readonly mmd2Spread: number;
  readonly pairs: number;
}
