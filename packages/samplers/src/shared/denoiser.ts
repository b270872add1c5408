import type { Sde } from '@scoreflow/core';
import type { SamplerState } from './reverse-sampler.js';

/**
 * The denoised estimate of a linear SDE (Tweedie's formula; Efron 2011, Karras et al. 2022 eq. 3):
 * with x_t = m x_0 + s eps, E[x_0 | x_t] = (x_t + s^2 grad log p_t(x_t)) / m. Evaluates the score
 * (one NFE) into `score`, writes the estimate into `out`, and returns the marginal (m, s) at t.
 * The noise estimate follows as eps = -s score. Samplers written in the sigma = s / m space of
 * k-diffusion (DDIM, Euler ancestral, DPM-Solver++) start from here, for any SDE.
 */
export async function denoise(
  state: SamplerState,
  sde: Sde,
  x: Float32Array,
  t: number,
  score: Float32Array,
  out: Float32Array,
): Promise<{ mean: number; std: number }> {
  const marginal = sde.marginal(t);
  await state.score(x, t, score);
  const { mean, std } = marginal;
  const variance = std * std;
  const inverseMean = 1 / mean;
  for (let i = 0; i < x.length; i++) out[i] = (x[i] + variance * score[i]) * inverseMean;
  return marginal;
}
