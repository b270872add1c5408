import type { Sde } from '@scoreflow/core';
import { affineStep } from './reverse-step.js';
import { reverseSde } from './reverse-sde.js';
import type { SamplerState } from '../shared/reverse-sampler.js';
import { forwardTransition } from './transition.js';

/**
 * How the forward SDE is discretised between two grid times (score_sde's `SDE.discretize`):
 * - `marginal`: the exact Gaussian transition of the linear SDE (see `forwardTransition`),
 *   f_i(x) = (a - 1) x and G_i^2 = v, which is score_sde's `VPSDE` and `VESDE` discretisation;
 * - `euler`: f_i(x) = f(x, t) dt and G_i = g(t) sqrt(dt), score_sde's generic `SDE.discretize`.
 */
export type Discretization = 'marginal' | 'euler';

/**
 * One predictor update from t down to next < t: moves `state.x` in place, with noise when
 * `noisy`. Returns true when it checked the new positions for finiteness itself.
 */
export type PredictorUpdate = (state: SamplerState, k: number, t: number, next: number, noisy: boolean) => Promise<boolean | void>;

/**
 * The reverse-diffusion update of Song et al. 2021 (appendix E, eqs. 46-47; score_sde's
 * `ReverseDiffusionPredictor`): with the forward step x_{i+1} = x_i + f_{i+1}(x_i) + G_{i+1} z
 * from next = t_i up to t = t_{i+1} (see `Discretization`), the reverse step is
 *
 *   x_i = x_{i+1} - f_{i+1}(x_{i+1}) + G_{i+1}^2 score(x_{i+1}, t_{i+1}) + G_{i+1} z.
 *
 * With the `euler` discretisation this is exactly the Euler-Maruyama step of the reverse-time SDE
 * (`reverseSde(sde).eulerMaruyamaStep`).
 * One score evaluation; noise from stream index `use`.
 */
export function reverseDiffusionUpdate(sde: Sde, discretization: Discretization, use = 0): PredictorUpdate {
  if (discretization === 'euler') {
    const reverse = reverseSde(sde);
    return (state, k, t, next, noisy) => reverse.eulerMaruyamaStep(state, k, t, next, noisy, use);
  }
  return async (state, k, t, next, noisy) => {
    const { x } = state;
    const score = state.buffer('score');
    await state.score(x, t, score);
    const z = state.buffer('noise');
    // f_{i+1}(x) = (a - 1) x, G^2 = v: x <- (2 - a) x + v score + sqrt(v) z.
    const { scale, variance } = forwardTransition(sde, next, t);
    const noise = noisy ? Math.sqrt(variance) : 0;
    if (noise !== 0) state.normal(z, k, use);
    return affineStep(x, score, z, 2 - scale, -variance, noise);
  };
}
