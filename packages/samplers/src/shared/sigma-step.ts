import type { Sde } from '@scoreflow/core';
import { denoise } from './denoiser.js';
import type { SamplerState } from './reverse-sampler.js';

/** Where a step in k-diffusion's sigma space starts: Tweedie's estimate at t and both ends' marginals. */
export interface SigmaStep {
  /** D(x, t), the denoised estimate of x_0 (`denoise`). */
  readonly denoised: Float32Array;
  /** The score at (x, t), from which `denoised` was made. */
  readonly score: Float32Array;
  /** The marginal's m(t) and s(t), and the noise level sigma = s / m. */
  readonly m: number;
  readonly s: number;
  readonly sigma: number;
  /** The same at the step's end, `next`. */
  readonly mNext: number;
  readonly sNext: number;
  readonly sigmaNext: number;
}

/**
 * The start of a step from t to `next` of the samplers written in sigma = s / m (DDIM, Euler
 * ancestral, Heun, DPM-Solver++): evaluates the score at the state's positions (one NFE) into the
 * buffer `score`, Tweedie's denoised estimate into `denoised` (the buffer of that name unless
 * given), and reads the SDE's marginal at both ends.
 */
export async function sigmaStep(state: SamplerState, sde: Sde, t: number, next: number, denoised = state.buffer('denoised')): Promise<SigmaStep> {
  const score = state.buffer('score');
  const { mean: m, std: s } = await denoise(state, sde, state.x, t, score, denoised);
  const { mean: mNext, std: sNext } = sde.marginal(next);
  return { denoised, score, m, s, sigma: s / m, mNext, sNext, sigmaNext: sNext / mNext };
}
