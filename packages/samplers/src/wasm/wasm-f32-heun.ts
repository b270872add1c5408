import type { GaussianMixture, ScoreModel, Sde } from '@scoreflow/core';
import type { HeunSpace } from '../ode/heun.js';
import type { FusedAccess, SamplerState } from '../shared/reverse-sampler.js';
import { heunEnds } from './heun-ends.js';
import { type WasmF32Kernels, wasmF32Kernels } from './wasm-f32-kernels.js';
import { wasmF32Unfit } from './wasm-f32-reverse-step.js';
import { type HeunStep, wasmF32HeunStep } from './wasm-f32-step.js';

/** One Heun step of the float32 engine on the frame's state; returns whether every new position is finite. */
export type WasmF32Heun = (state: SamplerState & { readonly fused: FusedAccess }, t: number, next: number) => boolean;

/**
 * Heun's step (`heun`: Karras et al. 2022, Algorithm 1, on the probability-flow ODE of Song et al.
 * 2021, eq. 13) in the float32 engine (`wasmF32HeunStep`), or undefined where it does not apply
 * (`wasmF32Unfit`). Its linear form, coefficients in float64 (m, s the marginal's mean and std, a
 * the drift coefficient, g the diffusion, primes at the step's end):
 *
 * - `sigma`: the slope (x / m - D) / sigma is -s score, so y = (m' / m) x - m' dSigma s s1 and
 *   x' = (m' / m) x - m' dSigma (s s1 + s' s2) / 2; Euler's step alone where sigma' = 0 or t' = 0;
 * - `time`: v = a x - (g^2 / 2) score, y = x + dt v1, x' = x + dt (v1 + v2) / 2; Euler's at t' = 0.
 *
 * Two counted score evaluations per step, one on a last step.
 */
export function wasmF32Heun(sde: Sde, score: ScoreModel, space: HeunSpace): WasmF32Heun | undefined {
  if (wasmF32Unfit(sde, score) !== undefined) return undefined;
  const kernels = wasmF32Kernels() as WasmF32Kernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const ends = heunEnds('wasmF32Heun', sde, mixture);
  const driftCoefficient = sde.driftCoefficient as (t: number) => number;
  return (state, t, next) => {
    const { m, s, mNext, sNext } = ends.at(t, next);
    let step: HeunStep;
    if (space === 'time') {
      const [a, aNext, g, gNext, dt] = [driftCoefficient.call(sde, t), driftCoefficient.call(sde, next), sde.diffusion(t), sde.diffusion(next), next - t];
      const last = next === 0;
      const euler = { cx: 1 + a * dt, cs: -0.5 * g * g * dt };
      step = last
        ? { ...euler, px: 0, ps: 0, cy: 0, cs2: 0, last }
        : { cx: 1 + 0.5 * dt * a, cs: -0.25 * dt * g * g, px: euler.cx, ps: euler.cs, cy: 0.5 * dt * aNext, cs2: -0.25 * dt * gNext * gNext, last };
    } else {
      const sigmaNext = sNext / mNext;
      const dSigma = sigmaNext - s / m;
      const last = next === 0 || sigmaNext === 0;
      const euler = { cx: mNext / m, cs: -mNext * dSigma * s };
      step = last ? { ...euler, px: 0, ps: 0, cy: 0, cs2: 0, last } : { cx: mNext / m, cs: 0.5 * euler.cs, px: euler.cx, ps: euler.cs, cy: 0, cs2: -0.5 * mNext * dSigma * sNext, last };
    }
    state.fused.countScore();
    if (!step.last) state.fused.countScore();
    return wasmF32HeunStep(kernels, state.x, ends.start, ends.end, step);
  };
}
