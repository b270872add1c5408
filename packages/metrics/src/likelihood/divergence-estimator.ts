import { ScoreflowError, type ScoreModel, type VelocityModel } from '@scoreflow/core';

/** How the divergence of the field is computed: see `resolveDivergence`. */
export type DivergenceMode = 'auto' | 'exact' | 'hutchinson';

/** The dimensions up to which `auto` takes the exact divergence (at most this many backward passes). */
export const EXACT_DIVERGENCE_MAX_DIM = 8;

/** A model whose field may offer a divergence: a score model or a velocity model (the same `divergence` contract). */
export type DivergenceModel = Pick<ScoreModel | VelocityModel, 'name' | 'dim' | 'divergence'>;

/** A model that offers a divergence. */
export type WithDivergence<M extends DivergenceModel> = M & Required<Pick<M, 'divergence'>>;

/** A score model that offers a divergence (core's `ScoreModel.divergence`). */
export type ScoreModelWithDivergence = WithDivergence<ScoreModel>;

/** The models of each kind that offer a divergence, for messages. */
const OFFERED: Record<'score model' | 'velocity model', string> = {
  'score model': 'gaussian-mixture and network offer one',
  'velocity model': 'mixture-flow and network offer one',
};

/**
 * Whether `mode` asks for Hutchinson's estimator: `hutchinson` always, `exact` never, `auto` above
 * `EXACT_DIVERGENCE_MAX_DIM` dimensions (where the exact trace costs more backward passes than a
 * probe's one). Throws a `ScoreflowError` naming the model (a score model's or a velocity model's
 * field, `kind`) when it offers no divergence.
 */
export function resolveDivergence<M extends DivergenceModel>(
  fn: string,
  model: M,
  mode: DivergenceMode,
  kind: 'score model' | 'velocity model' = 'score model',
): { model: WithDivergence<M>; hutchinson: boolean } {
  if (model.divergence === undefined) {
    const contract = kind === 'score model' ? 'ScoreModel.divergence' : 'VelocityModel.divergence';
    throw new ScoreflowError(`${fn}: ${kind} '${model.name}' offers no divergence (${contract}), which the likelihood needs; ${OFFERED[kind]}.`);
  }
  const hutchinson = mode === 'hutchinson' || (mode === 'auto' && model.dim > EXACT_DIVERGENCE_MAX_DIM);
  return { model: model as WithDivergence<M>, hutchinson };
}
