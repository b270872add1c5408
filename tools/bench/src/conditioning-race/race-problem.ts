import type { CovarianceMixture } from '@scoreflow/core';

/** One condition: the observation x1 = a (noise sigma_y) and the exact law of x | y. */
export interface Condition {
  readonly a: number;
  /** The `observation` option of the plugins: { A: [[1, 0]], y: [a], sigma }. */
  readonly observation: { readonly A: number[][]; readonly y: number[]; readonly sigma: number };
  /**
   * p(x | y) as a Gaussian mixture: a Kalman update per component of the two-mode prior (core's
   * `mixturePosterior`), or the banana's conditional by quadrature over x1 (`bananaConditional`).
   * The race measures x2 against its marginal CDF.
   */
  readonly posterior: CovarianceMixture;
}

/** Mixture options of the plugins (`gaussian-mixture`, `posterior`): means, per-component std, weights. */
export interface RaceMixture {
  readonly means: readonly (readonly number[])[];
  readonly std: number | readonly (readonly number[])[];
  readonly weights?: readonly number[];
}

/**
 * A problem of the conditioning race: a prior every contestant reaches through plugins (as a
 * Gaussian mixture: its exact score, its `posterior` score and target), K conditions x1 = a with
 * their exact conditionals, and a summary of x2 whose error the race reports beside the KS
 * distance (the two-mode problem's upper-mode weight, the banana's conditional mean).
 */
export interface RaceProblem {
  /** `two-mode` or `banana`: names the docs block (`conditioning-race[-banana]`) and the figure. */
  readonly name: string;
  /** One line for progress and the bench result. */
  readonly title: string;
  readonly prior: RaceMixture;
  conditions(count: number): Condition[];
  readonly summary: {
    /** The table's column and the figure's third panel, e.g. `mode-weight error`. */
    readonly label: string;
    /** The summary of the sampled x2 values. */
    of(x2: readonly number[]): number;
    /** Its exact value under the condition. */
    exact(c: Condition): number;
    /** Mean error of an exact sample of `particles` (the noise floor). */
    floor(particles: number): number;
  };
}

/** The plugins' mixture options of `prior`, copied (configs are plain mutable data). */
export const mixtureConfig = (prior: RaceMixture) => ({
  means: prior.means.map((mean) => [...mean]),
  std: typeof prior.std === 'number' ? prior.std : prior.std.map((std) => [...std]),
  ...(prior.weights === undefined ? {} : { weights: [...prior.weights] }),
});
