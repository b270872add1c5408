import type { Stage } from '@scoreflow/core';
import { type ReverseSamplerOptions, hasFused, reverseSampler } from '../shared/reverse-sampler.js';
import { wasmMixtureUnfit } from '../wasm/wasm-euler-maruyama.js';
import { chooseKernel } from '../wasm/choose-kernel.js';
import { type ReverseEngine, wasmF32ReverseRun, wasmF32Unfit } from '../wasm/wasm-f32-reverse-step.js';
import { wasmOdeEulerStep } from '../wasm/wasm-ode-euler.js';
import { pfOdeVelocity } from './pf-ode-velocity.js';
import { reverseSde } from '../reverse-sde/reverse-sde.js';

/** Options of `odeEuler`: the common sampler options, and the CPU engine. */
export interface OdeEulerOptions extends ReverseSamplerOptions {
  /**
   * `auto` (default): the WebAssembly SIMD kernel where it applies (the exact score of a
   * mixture in the plane of up to 256 components, a linear drift; the same bytes), else TypeScript;
   * `typescript`; `wasm`, which throws where the kernel does not apply; or `wasm-f32`, the float32
   * kernel (`wasmF32ReverseRun`: other bytes than TypeScript), which throws where it does not apply.
   */
  readonly engine?: ReverseEngine;
}

/**
 * The probability-flow ODE of Song et al. 2021 (eq. 13), dx/dt = f(x, t) - g(t)^2 score(x, t) / 2,
 * integrated backwards along `times` by the explicit Euler method: with dt = t_{k+1} - t_k < 0,
 *
 *   x_{k+1} = x_k + dt [f(x_k, t_k) - g(t_k)^2 score(x_k, t_k) / 2].
 *
 * Deterministic: the only randomness is the prior. First order in the step (the global error
 * halves when the steps halve); one score evaluation per step. Its error with the exact score is
 * discretisation plus the mismatch between the prior and p_T, which the ODE carries to the end
 * unchanged where a reverse SDE would contract it.
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(odeEuler({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 100, 1e-3) }))
 */
export function odeEuler(options: OdeEulerOptions): Stage {
  const { sde } = options;
  const flow = reverseSde(sde, true);
  const engine = options.engine ?? 'auto';
  const { score } = options;
  const { wasm, f32 } = chooseKernel('ode-euler', engine, {
    wasm: { make: () => wasmOdeEulerStep(sde, score), unfit: () => wasmMixtureUnfit(sde, score) },
    f32: { make: () => wasmF32ReverseRun(sde, score, 'ode-euler'), unfit: () => wasmF32Unfit(sde, score) },
  });
  // on `wasm-f32` the frame runs f32, several steps a call, instead of this step
  return reverseSampler('ode-euler', options, async (state, k, t, next) => {
    if (wasm !== undefined && hasFused(state)) return wasm(state, t, next);
    const { x } = state;
    const velocity = state.buffer('velocity');
    await pfOdeVelocity(state, flow, x, t, velocity);
    const dt = next - t;
    for (let i = 0; i < x.length; i++) x[i] += dt * velocity[i];
  }, { kind: 'ode', scoreEvaluationsPerStep: 1 }, f32);
}
