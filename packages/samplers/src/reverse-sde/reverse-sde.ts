import type { Sde } from '@scoreflow/core';
import type { SamplerState } from '../shared/reverse-sampler.js';
import { affineStep, driftStep } from './reverse-step.js';

/**
 * The reverse-time process of a forward SDE dx = f(x, t) dt + g(t) dW (score_sde's `SDE.reverse`):
 *
 *   dx = [f(x, t) - lambda g(t)^2 grad log p_t(x)] dt + sqrt(2 - 2 lambda) g(t) dW-bar,
 *
 * with lambda = 1 Anderson's (1982) reverse-time SDE (Song et al. 2021, eq. 6) and lambda = 1/2 its
 * probability-flow ODE (eq. 13), which has the same marginals and no noise.
 */
export interface ReverseSde {
  readonly sde: Sde;
  /** True for the probability-flow ODE (lambda = 1/2, no noise), false for Anderson's SDE (lambda = 1). */
  readonly probabilityFlow: boolean;
  /** lambda, the weight of g^2 score in the reverse drift: 1, or 1/2 for the probability flow. */
  readonly scoreWeight: number;
  /** The reverse process's diffusion: g(t), or 0 for the probability flow. */
  diffusion(t: number): number;
  /**
   * The reverse drift f(x, t) - lambda g(t)^2 score into `out` (x's length; `score` may be `out`),
   * in one pass when the SDE gives its drift coefficient; a general drift is written into `f` first.
   */
  drift(x: Float32Array, t: number, score: Float32Array, out: Float32Array, f: () => Float32Array): void;
  /**
   * One Euler-Maruyama step of the reverse process from t to next < t, in place on `state.x`
   * (dt = next - t < 0): x <- x + [f(x, t) - lambda g(t)^2 score(x, t)] dt + g(t) sqrt(-dt) z,
   * with noise only when `noisy` (and never for the probability flow; z from stream index `use`).
   * One score evaluation; drift, score, noise and the finiteness check in one pass when the SDE
   * gives its drift coefficient (then returns whether every position is finite).
   */
  eulerMaruyamaStep(state: SamplerState, k: number, t: number, next: number, noisy: boolean, use?: number): Promise<boolean | void>;
}

/** The reverse-time SDE of `sde` (or its probability-flow ODE): see `ReverseSde`. */
export function reverseSde(sde: Sde, probabilityFlow = false): ReverseSde {
  const scoreWeight = probabilityFlow ? 0.5 : 1;
  const diffusion = (t: number) => (probabilityFlow ? 0 : sde.diffusion(t));
  return {
    sde,
    probabilityFlow,
    scoreWeight,
    diffusion,
    drift(x, t, score, out, f) {
      const g = sde.diffusion(t);
      const weight = scoreWeight * g * g;
      const n = x.length;
      if (sde.driftCoefficient !== undefined) {
        const a = sde.driftCoefficient(t);
        for (let i = 0; i < n; i++) out[i] = a * x[i] - weight * score[i];
        return;
      }
      const forward = f();
      sde.drift(x, t, forward);
      for (let i = 0; i < n; i++) out[i] = forward[i] - weight * score[i];
    },
    async eulerMaruyamaStep(state, k, t, next, noisy, use = 0) {
      const { x } = state;
      const dt = next - t;
      const g = sde.diffusion(t);
      const score = state.buffer('score');
      await state.score(x, t, score);
      const noise = noisy && !probabilityFlow ? g * Math.sqrt(-dt) : 0;
      const z = state.buffer('noise');
      if (noise !== 0) state.normal(z, k, use);
      // Anderson's drift times dt, g^2 dt weighted by lambda.
      const scoreDt = scoreWeight * g * g * dt;
      if (sde.driftCoefficient !== undefined) return affineStep(x, score, z, 1 + sde.driftCoefficient(t) * dt, scoreDt, noise);
      const f = state.buffer('drift');
      sde.drift(x, t, f);
      driftStep(x, f, score, z, dt, scoreDt, noise);
    },
  };
}
