import { type GaussianMixture, type ScoreModel, type Sde, allocateComponents } from '@scoreflow/core';
import type { SamplerRun } from '../shared/reverse-sampler.js';
import { CPU_ENGINES, type CpuEngine, mixtureReverseUpdate } from './wasm-euler-maruyama.js';
import { MAX_F32_COMPONENTS, MAX_F32_SCHEDULE, type WasmF32Kernels, wasmF32Kernels } from './wasm-f32-kernels.js';
import { type ScheduledStep, wasmF32MixtureSteps } from './wasm-f32-step.js';

/** The engines of a stage that also has the float32 kernel (`euler-maruyama`, `ode-euler`, `heun`): the CPU engines and `wasm-f32`. */
export type ReverseEngine = CpuEngine | 'wasm-f32';

/** The engines `euler-maruyama`, `ode-euler` and `heun` take. */
export const REVERSE_ENGINES: readonly ReverseEngine[] = [...CPU_ENGINES, 'wasm-f32'];

/** The steps the float32 engine runs: the reverse SDE's Euler-Maruyama step, or the probability-flow ODE's Euler step. */
export type F32Method = 'euler-maruyama' | 'ode-euler';

/**
 * The most particle-steps one call of a float32 run takes (about 60 ms at 3.5 ns): a run stops at
 * the next snapshot or after `fusedSteps(particles)` steps, so that the pipeline's loop yields to
 * the event loop between calls.
 */
export const F32_RUN_WORK = 2 ** 24;

/** How many steps one call of a float32 run takes for `particles` particles: F32_RUN_WORK / particles, from 1 to `MAX_F32_SCHEDULE`. */
export const fusedSteps = (particles: number): number => Math.max(1, Math.min(MAX_F32_SCHEDULE, Math.floor(F32_RUN_WORK / Math.max(1, particles))));

/**
 * Why the float32 engine (`engine: wasm-f32`) cannot run a step of `sde` with `score`, or undefined
 * when it can: it takes the exact score of a Gaussian mixture in the plane of at most
 * `MAX_F32_COMPONENTS` components, an SDE with a linear drift, and WebAssembly SIMD. (Unlike
 * `engine: wasm` it needs no particular random source: it draws its own normals from the run's seed.)
 */
export function wasmF32Unfit(sde: Sde, score: ScoreModel): string | undefined {
  const description = score.describe?.();
  if (description?.kind !== 'mixture') return `the score model '${score.name}' is not an exact Gaussian mixture`;
  const { mixture } = description;
  if (mixture.dim !== 2 || mixture.components > MAX_F32_COMPONENTS) {
    return `the float32 kernel takes a mixture in the plane of at most ${MAX_F32_COMPONENTS} components, got ${mixture.components} in dimension ${mixture.dim}`;
  }
  if (sde.driftCoefficient === undefined) return `the SDE '${sde.name}' gives no linear drift coefficient`;
  if (wasmF32Kernels() === undefined) return 'this JavaScript engine has no WebAssembly SIMD';
  return undefined;
}

/**
 * The steps of `method` in the float32 engine as a sampler's run (`SamplerRun`: several steps a
 * call, `wasmF32MixtureSteps`, each block of particles kept in the kernel's memory across them), or
 * undefined where it does not apply (`wasmF32Unfit`). Step k, from t = times[k] to next =
 * times[k + 1], with dt = next - t < 0, a = a(t), g = g(t):
 *
 * - `euler-maruyama` (Song et al. 2021, eq. 6; Anderson 1982): x <- (1 + a dt) x - g^2 dt score +
 *   g sqrt(-dt) z, z the engine's lane normals (`laneNormals`) of (seed, id, step k, the stage's
 *   stream), none where `noisy(k)` is false;
 * - `ode-euler` (eq. 13): x <- (1 + a dt) x - (g^2 / 2) dt score.
 *
 * The coefficients in float64, then everything in float32. One counted score evaluation per step;
 * the same bytes as the steps one at a time, whatever the batch.
 */
export function wasmF32ReverseRun(sde: Sde, score: ScoreModel, method: F32Method, noisy: (k: number) => boolean = () => true): SamplerRun | undefined {
  if (wasmF32Unfit(sde, score) !== undefined) return undefined;
  const kernels = wasmF32Kernels() as WasmF32Kernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const components = allocateComponents('wasmF32ReverseRun', mixture);
  const scoreWeight = method === 'euler-maruyama' ? 1 : 0.5;
  return (state, k0, k1, times) => {
    const { fused } = state;
    const steps = Math.min(k1 - k0, fusedSteps(state.x.length / 2));
    const stepAt = (s: number): ScheduledStep => {
      const k = k0 + s;
      fused.countScore();
      // the float64 kernel's coefficients (the mixture diffused to t_k); the probability flow halves the score's
      const { scale, scoreDt, noise } = mixtureReverseUpdate(sde, mixture, components, times[k], times[k + 1], method === 'euler-maruyama' && noisy(k));
      return { components, step: { cx: scale, cs: -scoreWeight * scoreDt, cz: noise }, key: fused.key(k) };
    };
    const bad = wasmF32MixtureSteps(kernels, state.x, steps, stepAt, { seed: fused.rng.seed, ids: fused.ids });
    return bad === undefined ? { done: steps } : { done: steps, nonFinite: { step: k0 + bad.step + 1, index: bad.index } };
  };
}
