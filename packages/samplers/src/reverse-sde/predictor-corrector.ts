import type { Stage } from '@scoreflow/core';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';
import { type LangevinStepSize, langevinCorrect } from '../langevin/langevin.js';
import { reverseDiffusionUpdate } from './reverse-diffusion-update.js';
import { forwardTransition } from './transition.js';

/** The predictor of `predictorCorrector`: a reverse-diffusion or Euler-Maruyama update, or none. */
export type Predictor = 'reverse-diffusion' | 'euler-maruyama' | 'none';
/** The corrector of `predictorCorrector`: Langevin MCMC at fixed t, or none. */
export type Corrector = 'langevin' | 'none';

export interface PredictorCorrectorOptions extends ReverseSamplerOptions {
  /** `reverse-diffusion` by default. */
  readonly predictor?: Predictor;
  /** `langevin` by default. */
  readonly corrector?: Corrector;
  /** Signal-to-noise ratio r of the Langevin step size; 0.16 by default (score_sde's VE setting). */
  readonly snr?: number;
  /** Langevin steps per grid time; 1 by default. */
  readonly correctorSteps?: number;
  /** How the Langevin step size reads the norms (see `LangevinStepSize`); `noise-level` by default. */
  readonly stepSize?: LangevinStepSize;
  /** Take the very last update without noise (score_sde's `denoise`, here `noiseRemoval` as in its other samplers: it returns x_mean); true by default. */
  readonly noiseRemoval?: boolean;
}

/**
 * Predictor-corrector sampling (Song et al. 2021, Algorithms 1-2; score_sde's `pc_sampler`). At
 * each grid time t_k, first `correctorSteps` Langevin steps at t_k (see `langevinCorrect`), then
 * the predictor from t_k to t_{k+1}:
 * - `reverse-diffusion`: the reverse-diffusion update with the SDE's exact transition
 *   (score_sde's `ReverseDiffusionPredictor` for VP and VE; see `reverseDiffusion`);
 * - `euler-maruyama`: the Euler-Maruyama update of the reverse-time SDE;
 * - `none`: the corrector alone at each grid time (annealed Langevin dynamics with score_sde's
 *   step size). Nothing then moves the particles in time, so the corrector of step k runs at
 *   t_{k+1}, the time of the snapshot it produces (the prior already has the law p_{t_0}).
 *
 * The Langevin weight is alpha = (m(t_k) / m(t_{k+1}))^2 from the SDE's marginal: 1 - beta_i of
 * the DDPM discretisation for VP and sub-VP (score_sde's `sde.alphas[timestep]`), exactly 1 for VE
 * and Brownian motion (score_sde's alpha = 1 for non-VP SDEs). The step size follows `stepSize`
 * (see `LangevinStepSize`): by default 2 alpha snr^2 s(t)^2 for every particle rather than
 * score_sde's batch-averaged norms, so that no particle depends on its batch. Score evaluations per step:
 * correctorSteps + 1 (correctorSteps without predictor, 1 without corrector). With `noiseRemoval`
 * (default), the very last update adds no noise.
 *
 * @example
 * predictorCorrector({ sde, score, rng: ctx.rng, times, snr: 0.16, correctorSteps: 1 })
 */
export function predictorCorrector(options: PredictorCorrectorOptions): Stage {
  const { sde } = options;
  const name = options.name ?? 'predictor-corrector';
  const predictor = options.predictor ?? 'reverse-diffusion';
  const corrector = options.corrector ?? 'langevin';
  const snr = options.snr ?? 0.16;
  const correctorSteps = corrector === 'none' ? 0 : (options.correctorSteps ?? 1);
  if (predictor === 'none' && corrector === 'none') throw new RangeError(`${name}: predictor and corrector cannot both be 'none'.`);
  if (!(snr > 0 && Number.isFinite(snr))) throw new RangeError(`${name}: snr must be a positive number, got ${snr}.`);
  if (corrector !== 'none' && !(Number.isInteger(correctorSteps) && correctorSteps >= 1)) {
    throw new RangeError(`${name}: correctorSteps must be an integer >= 1, got ${correctorSteps}.`);
  }
  const predict = predictor === 'none' ? undefined : reverseDiffusionUpdate(sde, predictor === 'euler-maruyama' ? 'euler' : 'marginal');
  const stepSize = options.stepSize ?? 'noise-level';
  const noiseRemoval = options.noiseRemoval ?? true;
  const last = options.times.length - 2;
  return reverseSampler('predictor-corrector', options, async (state, k, t, next) => {
    const final = noiseRemoval && k === last;
    if (correctorSteps > 0) {
      const { scale } = forwardTransition(sde, next, t);
      const at = predict === undefined ? next : t;
      const step = { snr, alpha: scale * scale, stepSize, std: sde.marginal(at).std };
      for (let j = 0; j < correctorSteps; j++) {
        const quiet = final && predict === undefined && j === correctorSteps - 1;
        await langevinCorrect(state, k, at, 1 + j, step, !quiet);
      }
    }
    if (predict !== undefined) return predict(state, k, t, next, !final);
  }, { kind: 'reverse-sde', scoreEvaluationsPerStep: correctorSteps + (predict === undefined ? 0 : 1) });
}
