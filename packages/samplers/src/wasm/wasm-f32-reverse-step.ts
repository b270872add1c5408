import { type GaussianMixture, type ScoreModel, type Sde, allocateComponents, diffuseComponents } from '@scoreflow/core';
import type { FusedAccess, SamplerState } from '../shared/reverse-sampler.js';
import { CPU_ENGINES, type CpuEngine } from './wasm-euler-maruyama.js';
import { MAX_F32_COMPONENTS, type WasmF32Kernels, wasmF32Kernels } from './wasm-f32-kernels.js';
import { wasmF32MixtureStep } from './wasm-f32-step.js';

/** The engines of a stage that also has the float32 kernel (`euler-maruyama`, `ode-euler`, `heun`): the CPU engines and `wasm-f32`. */
export type ReverseEngine = CpuEngine | 'wasm-f32';

/** The engines `euler-maruyama`, `ode-euler` and `heun` take. */
export const REVERSE_ENGINES: readonly ReverseEngine[] = [...CPU_ENGINES, 'wasm-f32'];

/** The steps the float32 engine runs: the reverse SDE's Euler-Maruyama step, or the probability-flow ODE's Euler step. */
export type F32Method = 'euler-maruyama' | 'ode-euler';

/** One step of the float32 engine on the frame's state; returns whether every new position is finite. */
export type WasmF32Step = (state: SamplerState & { readonly fused: FusedAccess }, k: number, t: number, next: number, noisy: boolean) => boolean;

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
 * A step of `method` in the float32 engine (`wasmF32MixtureStep`), or undefined where it does not
 * apply (`wasmF32Unfit`). With dt = next - t < 0, a = a(t), g = g(t):
 *
 * - `euler-maruyama` (Song et al. 2021, eq. 6; Anderson 1982): x <- (1 + a dt) x - g^2 dt score +
 *   g sqrt(-dt) z, z the engine's lane normals (`laneNormals`) of (seed, id, step k, the stage's
 *   stream), none when not `noisy`;
 * - `ode-euler` (eq. 13): x <- (1 + a dt) x - (g^2 / 2) dt score.
 *
 * The coefficients in float64, then everything in float32. One counted score evaluation per step.
 */
export function wasmF32ReverseStep(sde: Sde, score: ScoreModel, method: F32Method): WasmF32Step | undefined {
  if (wasmF32Unfit(sde, score) !== undefined) return undefined;
  const kernels = wasmF32Kernels() as WasmF32Kernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const components = allocateComponents('wasmF32ReverseStep', mixture);
  const driftCoefficient = sde.driftCoefficient as (t: number) => number;
  const scoreWeight = method === 'euler-maruyama' ? 1 : 0.5;
  return (state, k, t, next, noisy) => {
    const { fused } = state;
    fused.countScore();
    const dt = next - t;
    const g = sde.diffusion(t);
    const { mean, std } = sde.marginal(t);
    diffuseComponents(mixture, mean, std, components);
    const cz = method === 'euler-maruyama' && noisy ? g * Math.sqrt(-dt) : 0;
    const step = { cx: 1 + driftCoefficient.call(sde, t) * dt, cs: -scoreWeight * g * g * dt, cz };
    return wasmF32MixtureStep(kernels, state.x, components, step, cz === 0 ? undefined : { seed: fused.rng.seed, ids: fused.ids, key: fused.key(k) });
  };
}
