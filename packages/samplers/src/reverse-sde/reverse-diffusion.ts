import type { Stage } from '@scoreflow/core';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';
import { type Discretization, reverseDiffusionUpdate } from './reverse-diffusion-update.js';

export interface ReverseDiffusionOptions extends ReverseSamplerOptions {
  /** Take the last step without noise (score_sde's `noise_removal`); true by default. */
  readonly noiseRemoval?: boolean;
  /** How the forward SDE is discretised; `marginal` (score_sde's VP and VE discretisation) by default. */
  readonly discretization?: Discretization;
}

/**
 * Reverse diffusion (Song et al. 2021, appendix E, eqs. 46-47; score_sde's
 * `ReverseDiffusionPredictor`): discretise the forward SDE on the grid as
 * x_{i+1} = x_i + f_{i+1}(x_i) + G_{i+1} z_i and run the same discretisation backwards,
 *
 *   x_i = x_{i+1} - f_{i+1}(x_{i+1}) + G_{i+1}^2 score(x_{i+1}, t_{i+1}) + G_{i+1} z_{i+1}.
 *
 * With the default `marginal` discretisation, f_{i+1}(x) = (a - 1) x and G_{i+1}^2 = v come from
 * the exact forward transition between the grid times (a = m(t_{i+1}) / m(t_i),
 * v = s(t_{i+1})^2 - a^2 s(t_i)^2): for VP that is DDPM's beta_i, for VE sigma_{i+1}^2 - sigma_i^2,
 * as score_sde's `VPSDE.discretize` and `VESDE.discretize`. With `euler`, f_{i+1} = f(x, t) dt and
 * G_{i+1} = g(t) sqrt(dt), score_sde's generic `SDE.discretize`, and the step is Euler-Maruyama's.
 * One score evaluation per step; the last step has no noise when `noiseRemoval` (default).
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(reverseDiffusion({ sde, score, rng: ctx.rng, times }))
 */
export function reverseDiffusion(options: ReverseDiffusionOptions): Stage {
  const noiseRemoval = options.noiseRemoval ?? true;
  const update = reverseDiffusionUpdate(options.sde, options.discretization ?? 'marginal');
  const last = options.times.length - 2;
  return reverseSampler('reverse-diffusion', options, (state, k, t, next) => update(state, k, t, next, !(noiseRemoval && k === last)), {
    kind: 'reverse-sde',
    scoreEvaluationsPerStep: 1,
  });
}
