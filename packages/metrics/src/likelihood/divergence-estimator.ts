import { ScoreflowError, type ScoreModel } from '@scoreflow/core';

/** How the divergence of the score is computed: see `resolveDivergence`. */
export type DivergenceMode = 'auto' | 'exact' | 'hutchinson';

/** The dimensions up to which `auto` takes the exact divergence (at most this many backward passes). */
export const EXACT_DIVERGENCE_MAX_DIM = 8;

/** A score model that offers a divergence (core's `ScoreModel.divergence`). */
export type ScoreModelWithDivergence = ScoreModel & Required<Pick<ScoreModel, 'divergence'>>;

/**
 * Whether `mode` asks for Hutchinson's estimator: `hutchinson` always, `exact` never, `auto` above
 * `EXACT_DIVERGENCE_MAX_DIM` dimensions (where the exact trace costs more backward passes than a
 * probe's one). Throws a `ScoreflowError` naming the model when it offers no divergence.
 */
export function resolveDivergence(fn: string, score: ScoreModel, mode: DivergenceMode): { model: ScoreModelWithDivergence; hutchinson: boolean } {
  if (score.divergence === undefined) {
    throw new ScoreflowError(
      `${fn}: score model '${score.name}' offers no divergence (ScoreModel.divergence), which the likelihood needs; gaussian-mixture and network offer one.`,
    );
  }
  const hutchinson = mode === 'hutchinson' || (mode === 'auto' && score.dim > EXACT_DIVERGENCE_MAX_DIM);
  return { model: score as ScoreModelWithDivergence, hutchinson };
}
