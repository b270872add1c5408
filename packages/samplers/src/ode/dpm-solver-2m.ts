import { type Stage, sigmaOf } from '@scoreflow/core';
import { sigmaStep } from '../shared/sigma-step.js';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';

/** Options of `dpmSolver2m`: the common sampler options. */
export type DpmSolver2mOptions = ReverseSamplerOptions;

/**
 * DPM-Solver++(2M), the multistep second-order data-prediction solver of the probability-flow ODE
 * of Lu et al. 2022 ("DPM-Solver++", Algorithm 2), as k-diffusion's `sample_dpmpp_2m`, for any
 * linear SDE through x-hat = x / m and sigma = s / m, with lambda = -log sigma (the half log-SNR)
 * and D the Tweedie estimate of x_0 (shared `denoise`). From t_k to t_{k+1}, h = lambda_{k+1} -
 * lambda_k:
 *
 *   first step, or sigma_{k+1} = 0:  D' = D_k;
 *   otherwise, r = h_{k-1} / h:        D' = (1 + 1 / (2 r)) D_k - D_{k-1} / (2 r);
 *   x-hat_{k+1} = (sigma_{k+1} / sigma_k) x-hat_k - expm1(-h) D',   x_{k+1} = m(t_{k+1}) x-hat_{k+1}.
 *
 * The exponential integrator is exact for the linear part of the ODE; the D-history makes it
 * second order in h. A last step to sigma = 0 (tEnd = 0 with s(0) = 0) returns the denoised
 * estimate. Deterministic; one score evaluation per step (the previous D is kept).
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(dpmSolver2m({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 20, 1e-3) }))
 */
export function dpmSolver2m(options: DpmSolver2mOptions): Stage {
  const { sde, times } = options;
  return reverseSampler('dpm-solver-2m', options, async (state, k, t, next) => {
    const { x } = state;
    const n = x.length;
    // Two buffers, alternating by step: this step's D and the previous one.
    const previous = state.buffer(k % 2 === 0 ? 'denoised-odd' : 'denoised-even');
    const { denoised, m, sigma, mNext, sigmaNext } = await sigmaStep(state, sde, t, next, state.buffer(k % 2 === 0 ? 'denoised-even' : 'denoised-odd'));
    // Lu et al.'s update in their alpha_t = m, sigma_t = s: x_{k+1} = (s' / s) x_k - m' expm1(-h) D'.
    const h = Math.log(sigma / sigmaNext);
    const stdRatio = (mNext * (sigmaNext / sigma)) / m; // s' / s
    const mExpm1 = sigmaNext === 0 ? mNext : -mNext * Math.expm1(-h); // -m' expm1(-h), m' at sigma' = 0
    if (k === 0 || sigmaNext === 0) {
      for (let i = 0; i < n; i++) x[i] = stdRatio * x[i] + mExpm1 * denoised[i];
      return;
    }
    // D' = (1 + 1 / (2 r)) D_k - D_{k-1} / (2 r), folded into the weights of D_k and D_{k-1}.
    const r = Math.log(sigmaOf(sde, times[k - 1]) / sigma) / h;
    const mExpm1D = mExpm1 * (1 + 1 / (2 * r));
    const mExpm1DPrevious = -mExpm1 / (2 * r);
    for (let i = 0; i < n; i++) x[i] = stdRatio * x[i] + mExpm1D * denoised[i] + mExpm1DPrevious * previous[i];
  }, { kind: 'ode', scoreEvaluationsPerStep: 1 });
}
