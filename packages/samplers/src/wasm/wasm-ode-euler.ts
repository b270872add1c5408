import { type GaussianMixture, type ScoreModel, type Sde, allocateComponents, diffuseComponents } from '@scoreflow/core';
import type { FusedAccess, SamplerState } from '../shared/reverse-sampler.js';
import { wasmMixtureUnfit } from './wasm-euler-maruyama.js';
import { type WasmKernels, wasmKernels } from './wasm-kernels.js';
import { wasmMixtureFlowStep } from './wasm-mixture-step.js';

/** One probability-flow Euler step on the frame's state (see `wasmOdeEulerStep`). */
export type WasmFlowStep = (state: SamplerState & { readonly fused: FusedAccess }, t: number, next: number) => void;

/**
 * The Euler step of the probability-flow ODE (Song et al. 2021, eq. 13) of `sde` with the exact
 * mixture score in the WebAssembly SIMD kernel (`wasmMixtureFlowStep`): x <- x + dt (a(t) x -
 * g(t)^2 score / 2), the same bytes as `odeEuler` with `mixtureScore`, one counted score evaluation
 * per step; the frame checks finiteness, as for `odeEuler`. Undefined when the kernel does not
 * apply (`wasmMixtureUnfit`: a mixture in the plane of at most 256 components, a linear drift, WebAssembly SIMD).
 */
export function wasmOdeEulerStep(sde: Sde, score: ScoreModel): WasmFlowStep | undefined {
  if (wasmMixtureUnfit(sde, score) !== undefined) return undefined;
  const kernels = wasmKernels() as WasmKernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const components = allocateComponents('wasmOdeEulerStep', mixture);
  const driftCoefficient = sde.driftCoefficient as (t: number) => number;
  return (state, t, next) => {
    state.fused.countScore();
    const { mean, std } = sde.marginal(t);
    diffuseComponents(mixture, mean, std, components);
    const g = sde.diffusion(t);
    // reverseSde(sde, true).drift's weight lambda g^2, lambda = 1/2, in its order of operations
    wasmMixtureFlowStep(kernels, state.x, components, { a: driftCoefficient.call(sde, t), weight: 0.5 * g * g, dt: next - t });
  };
}
