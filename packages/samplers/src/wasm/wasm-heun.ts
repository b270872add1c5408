import type { DiffusedComponents, GaussianMixture, ScoreModel, Sde } from '@scoreflow/core';
import type { HeunSpace } from '../ode/heun.js';
import type { FusedAccess, SamplerState } from '../shared/reverse-sampler.js';
import { heunEnds } from './heun-ends.js';
import { wasmMixtureUnfit } from './wasm-euler-maruyama.js';
import { CHUNK_PARTICLES, type WasmKernels, kernelComponents, wasmKernels, writeComponentTable } from './wasm-kernels.js';

/** One step of Heun's method on the frame's state (see `wasmHeunStep`); returns whether every position is finite. */
export type WasmHeunStep = (state: SamplerState & { readonly fused: FusedAccess }, t: number, next: number) => boolean;

/**
 * Writes the diffused mixture's constants as the kernel reads them: for two components (core's
 * unrolled score) a00 a01 a10 a11 p00 p01 p10 p11 dc into `heun` at `at`; for any other K, a_0 a_1
 * p_0 p_1 c per component into `table`.
 */
function writeComponents(heun: Float64Array, at: number, table: Float64Array, components: DiffusedComponents): void {
  const { centres: a, precisions: p, logNormalisers: c } = components;
  if (components.components === 2) heun.set([a[0], a[1], a[2], a[3], p[0], p[1], p[2], p[3], c[1] - c[0]], at);
  else writeComponentTable(table, components);
}

/**
 * Heun's second-order step on the probability-flow ODE (`heun`: Karras et al. 2022, Algorithm 1;
 * Song et al. 2021, eq. 13) of `sde` with the exact mixture score, in the WebAssembly SIMD kernel
 * (`kernels.wat`'s `heunStep`): the predictor, both score evaluations and the corrector fused per
 * pair of particles, nothing written between them. The same bytes as `heun` with `mixtureScore` in
 * either `space`; two counted score evaluations per step, one on a last step to t = 0 (where the
 * corrector is skipped). Undefined when the kernel does not apply (`wasmMixtureUnfit`: a
 * mixture in the plane of up to 256 components, a linear drift, WebAssembly SIMD).
 */
export function wasmHeunStep(sde: Sde, score: ScoreModel, space: HeunSpace): WasmHeunStep | undefined {
  if (wasmMixtureUnfit(sde, score) !== undefined) return undefined;
  const kernels = wasmKernels() as WasmKernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const ends = heunEnds('wasmHeunStep', sde, mixture);
  const { start, end } = ends;
  const driftCoefficient = sde.driftCoefficient as (t: number) => number;
  return (state, t, next) => {
    const { m, s, mNext, sNext } = ends.at(t, next);
    const { heun } = kernels;
    writeComponents(heun, 0, kernels.mixture, start);
    writeComponents(heun, 10, kernels.mixtureEnd, end);
    let last: boolean;
    if (space === 'time') {
      // reverseSde(sde, true).drift: a(t) x - (g(t)^2 / 2) score, as `pfOdeVelocity` computes it
      const [g, gNext, dt] = [sde.diffusion(t), sde.diffusion(next), next - t];
      heun.set([driftCoefficient.call(sde, t), 0.5 * g * g, driftCoefficient.call(sde, next), 0.5 * gNext * gNext, dt, 0.5 * dt], 20);
      last = next === 0;
    } else {
      // sigmaStep and denoise: sigma = s / m, D = (x + s^2 score) (1 / m)
      const [sigma, sigmaNext] = [s / m, sNext / mNext];
      const dSigma = sigmaNext - sigma;
      heun.set([m, sigma, s * s, 1 / m, mNext, sigmaNext, sNext * sNext, 1 / mNext, dSigma, 0.5 * dSigma], 20);
      last = next === 0 || sigmaNext === 0;
    }
    state.fused.countScore();
    if (!last) state.fused.countScore();
    const { x } = state;
    const n = x.length / 2;
    const count = kernelComponents(mixture.components);
    let finite = true;
    for (let i = 0; i < n; i += CHUNK_PARTICLES) {
      const run = Math.min(n - i, CHUNK_PARTICLES);
      kernels.x.set(x.subarray(i * 2, (i + run) * 2));
      // the kernel takes particles in pairs: the slot after an odd last one computes on zeros
      if (run % 2 === 1) kernels.x.fill(0, run * 2, run * 2 + 2);
      if (kernels.heunStep(kernels.xOffset, run, space === 'time' ? 0 : 1, last ? 1 : 0, count) === 0) finite = false;
      x.set(kernels.x.subarray(0, run * 2), i * 2);
    }
    return finite;
  };
}
