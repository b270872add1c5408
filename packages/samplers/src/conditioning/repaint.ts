import type { LinearObservation, Stage } from '@scoreflow/core';
import { reverseSde } from '../reverse-sde/reverse-sde.js';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';
import { observedProjection, replaceObserved } from './observed-projection.js';

export interface RepaintOptions extends ReverseSamplerOptions {
  readonly observation: LinearObservation;
  /** r: reverse passes per step (r - 1 jumps back by forward noise); RePaint's paper uses 10. */
  readonly resampling: number;
}

/**
 * RePaint (Lugmayr et al. 2022, Algorithm 1 with jump length 1): each step from t to next < t is
 * taken r times; after each pass the observed part is replaced as in `replacement`, and between
 * passes the particles jump back to t by the forward transition x <- (m_t / m_next) x +
 * sqrt(s_t^2 - (m_t / m_next)^2 s_next^2) z, which lets the unobserved coordinates harmonise with
 * the replaced ones. Closer to the conditional than replacement, with no guarantee; r score
 * evaluations per step. Noise of pass u uses stream indices 3u, 3u + 1, 3u + 2.
 */
export function repaint(options: RepaintOptions): Stage {
  const { sde, resampling } = options;
  if (!Number.isInteger(resampling) || resampling < 1) throw new RangeError(`repaint: resampling must be an integer >= 1, got ${resampling}.`);
  const reverse = reverseSde(sde);
  const projection = observedProjection(options.observation);
  const last = options.times.length - 2;
  return reverseSampler(
    'repaint',
    options,
    async (state, k, t, next) => {
      const { x } = state;
      const at = sde.marginal(t);
      const after = sde.marginal(next);
      const scale = at.mean / after.mean;
      const jump = Math.sqrt(Math.max(at.std ** 2 - scale * scale * after.std ** 2, 0));
      for (let u = 0; u < resampling; u++) {
        const final = u === resampling - 1;
        await reverse.eulerMaruyamaStep(state, k, t, next, !(final && k === last), 3 * u);
        replaceObserved(projection, x, after.mean, after.std, state.normal(state.buffer('observed-noise'), k, 3 * u + 1));
        if (final) break;
        const z = state.normal(state.buffer('jump-noise'), k, 3 * u + 2);
        for (let i = 0; i < x.length; i++) x[i] = scale * x[i] + jump * z[i];
      }
    },
    { kind: 'reverse-sde', scoreEvaluationsPerStep: resampling },
  );
}
