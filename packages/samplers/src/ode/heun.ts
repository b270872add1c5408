import type { Stage } from '@scoreflow/core';
import { denoise } from '../shared/denoiser.js';
import { sigmaStep } from '../shared/sigma-step.js';
import { type ReverseSamplerOptions, hasFused, reverseSampler } from '../shared/reverse-sampler.js';
import { wasmMixtureUnfit } from '../wasm/wasm-euler-maruyama.js';
import { chooseKernel } from '../wasm/choose-kernel.js';
import { wasmF32Heun } from '../wasm/wasm-f32-heun.js';
import { type ReverseEngine, wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { wasmHeunStep } from '../wasm/wasm-heun.js';
import { pfOdeVelocity } from './pf-ode-velocity.js';
import { reverseSde } from '../reverse-sde/reverse-sde.js';

/**
 * The variable Heun's method steps in: `sigma`, the noise level sigma = s / m with x-hat = x / m
 * (Karras et al. 2022's sigma(t) = t, s(t) = 1; k-diffusion's `sample_heun`), or `time`, the
 * SDE's own t (Algorithm 1 with the SDE's schedule).
 */
export type HeunSpace = 'sigma' | 'time';

/** Options of `heun`. */
export interface HeunOptions extends ReverseSamplerOptions {
  /** `sigma` (default) or `time`; see `HeunSpace`. */
  readonly space?: HeunSpace;
  /**
   * `auto` (default): the WebAssembly SIMD kernel where it applies (the exact score of a
   * mixture in the plane of up to 256 components, a linear drift; the same bytes), else TypeScript;
   * `typescript`; `wasm`, which throws where the kernel does not apply; or `wasm-f32`, the float32
   * kernel (`wasmF32Heun`: the same flow to float32 roundoff), which throws where it does not apply.
   */
  readonly engine?: ReverseEngine;
}

/**
 * Heun's second-order method on the probability-flow ODE (Song et al. 2021, eq. 13), in the
 * shape of Algorithm 1 of Karras et al. 2022: an Euler predictor and a trapezoidal corrector,
 *
 *   y'      = y_k + dl d(y_k, l_k)
 *   y_{k+1} = y_k + dl [d(y_k, l_k) + d(y', l_{k+1})] / 2,
 *
 * the corrector skipped on a last step that ends at t = 0 (tEnd = 0), where d may not exist
 * (Algorithm 1, line 7). The grid is `times` either way; what is stepped is either
 *
 * - `space: 'sigma'` (default): y = x-hat = x / m, l = sigma = s / m and d = (x-hat - D) / sigma
 *   with D Tweedie's estimate of x_0 (Karras et al. 2022, eq. 4 with sigma(t) = t, s(t) = 1, their
 *   recommended choice: trajectories are nearly straight in sigma); x_{k+1} = m(t_{k+1}) x-hat;
 * - `space: 'time'`: y = x, l = t and d = f(x, t) - g(t)^2 score(x, t) / 2, the ODE in the SDE's
 *   own time (Algorithm 1 with the SDE's sigma(t) and s(t)).
 *
 * Global error of second order in the step of the chosen variable; two score evaluations per
 * step, one on a last step to t = 0. With an exact mixture score in the plane (up to 256 components) the
 * whole step runs in a WebAssembly SIMD kernel (`engine`, `wasmHeunStep`), with the same bytes.
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(heun({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 25, 1e-3) }))
 */
export function heun(options: HeunOptions): Stage {
  const { sde } = options;
  const flow = reverseSde(sde, true);
  const space = options.space ?? 'sigma';
  const engine = options.engine ?? 'auto';
  const { score } = options;
  const { wasm, f32 } = chooseKernel('heun', engine, {
    wasm: { make: () => wasmHeunStep(sde, score, space), unfit: () => wasmMixtureUnfit(sde, score) },
    f32: { make: () => wasmF32Heun(sde, score, space), unfit: () => wasmF32Unfit(sde, score) },
  });
  if (space === 'time') {
    return reverseSampler('heun', options, async (state, _k, t, next) => {
      if (f32 !== undefined && hasFused(state)) return void f32(state, t, next);
      if (wasm !== undefined && hasFused(state)) return void wasm(state, t, next);
      const { x } = state;
      const n = x.length;
      const velocity = state.buffer('velocity');
      await pfOdeVelocity(state, flow, x, t, velocity);
      const dt = next - t;
      if (next === 0) {
        for (let i = 0; i < n; i++) x[i] += dt * velocity[i];
        return;
      }
      const predicted = state.buffer('predicted');
      for (let i = 0; i < n; i++) predicted[i] = x[i] + dt * velocity[i];
      const corrected = state.buffer('velocity-next');
      await pfOdeVelocity(state, flow, predicted, next, corrected);
      const half = 0.5 * dt;
      for (let i = 0; i < n; i++) x[i] += half * (velocity[i] + corrected[i]);
    }, { kind: 'ode' });
  }
  return reverseSampler('heun', options, async (state, _k, t, next) => {
    if (f32 !== undefined && hasFused(state)) return void f32(state, t, next);
    if (wasm !== undefined && hasFused(state)) return void wasm(state, t, next);
    const { x } = state;
    const n = x.length;
    const { denoised, score, m, sigma, mNext, sigmaNext } = await sigmaStep(state, sde, t, next);
    const dSigma = sigmaNext - sigma;
    // d = (x-hat - D) / sigma with x-hat = x / m, kept for the corrector.
    const slope = state.buffer('slope');
    for (let i = 0; i < n; i++) slope[i] = (x[i] / m - denoised[i]) / sigma;
    if (next === 0 || sigmaNext === 0) {
      for (let i = 0; i < n; i++) x[i] = mNext * (x[i] / m + dSigma * slope[i]);
      return;
    }
    const predicted = state.buffer('predicted');
    for (let i = 0; i < n; i++) predicted[i] = mNext * (x[i] / m + dSigma * slope[i]);
    await denoise(state, sde, predicted, next, score, denoised);
    const half = 0.5 * dSigma;
    for (let i = 0; i < n; i++) {
      const slopeNext = (predicted[i] / mNext - denoised[i]) / sigmaNext;
      x[i] = mNext * (x[i] / m + half * (slope[i] + slopeNext));
    }
  }, { kind: 'ode' });
}
