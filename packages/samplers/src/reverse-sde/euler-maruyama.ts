import type { Stage } from '@scoreflow/core';
import { type ReverseSamplerOptions, hasFused, reverseSampler } from '../shared/reverse-sampler.js';
import { wasmEulerMaruyamaStep, wasmEulerMaruyamaUnfit } from '../wasm/wasm-euler-maruyama.js';
import { chooseKernel } from '../wasm/choose-kernel.js';
import { type ReverseEngine, wasmF32ReverseRun, wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { reverseSde } from './reverse-sde.js';

export interface EulerMaruyamaOptions extends ReverseSamplerOptions {
  /** Take the last step without noise (score_sde's `noise_removal`); true by default. */
  readonly noiseRemoval?: boolean;
  /**
   * `auto` (default): the WebAssembly SIMD kernel where it applies (the exact score of a
   * mixture in the plane of up to 256 components, a linear drift; the same bytes as the TypeScript path),
   * else TypeScript; `typescript`; `wasm`, which throws where the kernel does not apply; or
   * `wasm-f32`, the float32 kernel (`wasmF32ReverseRun`: its own normals from the run's seed,
   * other bytes than TypeScript), which throws where it does not apply.
   */
  readonly engine?: ReverseEngine;
}

/**
 * The reverse-time SDE of Anderson (1982), dx = [f(x, t) - g(t)^2 grad log p_t(x)] dt + g(t) dW-bar,
 * integrated backwards along `times` by Euler-Maruyama (Song et al. 2021, eq. 6 and the
 * "Euler-Maruyama" predictor of appendix D): with dt = t_{k+1} - t_k < 0,
 *
 *   x_{k+1} = x_k + [f(x_k, t_k) - g(t_k)^2 score(x_k, t_k)] dt + g(t_k) sqrt(|dt|) z_k.
 *
 * For pure noise (f = 0, g = 1) the backward drift is the score itself: particles climb
 * log p_t while the noise keeps them spread. One score evaluation per step. When the SDE gives
 * its drift coefficient (f = a(t) x), drift, score, noise and the finiteness check run in one pass
 * (`reverseSde(sde).eulerMaruyamaStep`).
 */
export function eulerMaruyama(options: EulerMaruyamaOptions): Stage {
  const reverse = reverseSde(options.sde);
  const noiseRemoval = options.noiseRemoval ?? true;
  const last = options.times.length - 2;
  const engine = options.engine ?? 'auto';
  const { sde, score, rng } = options;
  const noisy = (k: number) => !(noiseRemoval && k === last);
  const { wasm, f32 } = chooseKernel('euler-maruyama', engine, {
    wasm: { make: () => wasmEulerMaruyamaStep(sde, score, rng), unfit: () => wasmEulerMaruyamaUnfit(sde, score, rng) },
    f32: { make: () => wasmF32ReverseRun(sde, score, 'euler-maruyama', noisy), unfit: () => wasmF32Unfit(sde, score) },
  });
  // on `wasm-f32` the frame runs f32, several steps a call, instead of this step
  return reverseSampler('euler-maruyama', options, (state, k, t, next) => {
    if (wasm !== undefined && hasFused(state)) return wasm(state, k, t, next, noisy(k));
    return reverse.eulerMaruyamaStep(state, k, t, next, noisy(k));
  }, {
    kind: 'reverse-sde',
    scoreEvaluationsPerStep: 1,
  }, f32);
}
