import type { LinearObservation, Stage } from '@scoreflow/core';
import { reverseSde } from '../reverse-sde/reverse-sde.js';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';
import { observedProjection, replaceObserved } from './observed-projection.js';

export interface ReplacementOptions extends ReverseSamplerOptions {
  readonly observation: LinearObservation;
  /** Take the last reverse step without noise; true by default. */
  readonly noiseRemoval?: boolean;
}

/**
 * Inpainting by replacement (score_sde's `get_pc_inpainter`; Song et al. 2021, appendix I.2): an
 * Euler-Maruyama step of the unconditional reverse SDE, then the observed part is set to the
 * forward-diffused observation at the new time (`replaceObserved`: x <- x + A^+ (m y + s A z - A x)).
 * sigma of the observation is ignored (y is taken as noise-free). Not exact even with the exact
 * score and many steps: the unobserved coordinates never see y except through the score at
 * positions whose observed part is a random draw of the diffused y, not the conditional one
 * (docs/conditioning.md measures the bias). One score evaluation per step.
 */
export function replacement(options: ReplacementOptions): Stage {
  const reverse = reverseSde(options.sde);
  const projection = observedProjection(options.observation);
  const noiseRemoval = options.noiseRemoval ?? true;
  const last = options.times.length - 2;
  return reverseSampler(
    'replacement',
    options,
    async (state, k, t, next) => {
      await reverse.eulerMaruyamaStep(state, k, t, next, !(noiseRemoval && k === last));
      const { mean, std } = options.sde.marginal(next);
      replaceObserved(projection, state.x, mean, std, state.normal(state.buffer('observed-noise'), k, 1));
    },
    { kind: 'reverse-sde', scoreEvaluationsPerStep: 1 },
  );
}
