import { type Stage, positiveArgument } from '@scoreflow/core';
import { type SigmaStep, sigmaStep } from '../shared/sigma-step.js';
import { type ReverseSamplerOptions, type SamplerState, reverseSampler } from '../shared/reverse-sampler.js';
import { ancestralStep } from './ancestral-step.js';

/** The update of an eta sampler from t_k to t_{k+1}, given the sigma step and its ancestral split (`ancestralStep`). */
export type EtaUpdate = (state: SamplerState, k: number, step: SigmaStep, split: { readonly down: number; readonly up: number }) => void;

/**
 * The frame of the samplers with DDIM's eta (`ddim`, `eulerAncestral`): eta is checked (>= 0,
 * `fallback` when not given, a RangeError naming the stage otherwise), and each step takes the
 * sigma step (`sigmaStep`: one score evaluation, the Tweedie estimate, sigma = s / m at both ends)
 * and splits sigma' into the deterministic `down` and the fresh noise `up` (`ancestralStep`, k-diffusion's
 * `get_ancestral_step`) before `update` moves the particles. The stage is of kind `ancestral`, one
 * score evaluation per step.
 *
 * @example
 * return etaSampler('ddim', options, options.eta, 0, (state, k, { denoised, mNext }, { down, up }) => { ... });
 */
export function etaSampler(name: string, options: ReverseSamplerOptions, eta: number | undefined, fallback: number, update: EtaUpdate): Stage {
  const { sde } = options;
  const checked = positiveArgument(options.name ?? name, 'eta', eta ?? fallback, true);
  return reverseSampler(name, options, async (state, k, t, next) => {
    const step = await sigmaStep(state, sde, t, next);
    update(state, k, step, ancestralStep(step.sigma, step.sigmaNext, checked));
  }, { kind: 'ancestral', scoreEvaluationsPerStep: 1 });
}
