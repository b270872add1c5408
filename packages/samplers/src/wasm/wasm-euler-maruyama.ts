import { type DiffusedComponents, type GaussianMixture, type Rng, type ScoreModel, type Sde, allocateComponents, diffuseComponents } from '@scoreflow/core';
import type { FusedAccess, SamplerState } from '../shared/reverse-sampler.js';
import { KERNEL_LAYOUT, MAX_KERNEL_COMPONENTS, type WasmKernels, wasmKernels } from './wasm-kernels.js';
import { type AffineUpdate, type StepNoise, wasmMixtureStep } from './wasm-mixture-step.js';
import { DISTRIBUTION, wasmDrawsAt, wasmNormals } from './wasm-normals.js';

/** Which code runs a CPU stage: `typescript`, the `wasm` SIMD kernels, or `auto` (the kernels where they apply, bit for bit). */
export type CpuEngine = 'auto' | 'typescript' | 'wasm';

/** The CPU engines a config may name. */
export const CPU_ENGINES: readonly CpuEngine[] = ['auto', 'typescript', 'wasm'];

/**
 * One fused Euler-Maruyama step on the frame's state, whose `fused` keys it needs (see
 * `wasmEulerMaruyamaStep`); returns whether every position is finite.
 */
export type WasmReverseStep = (state: SamplerState & { readonly fused: FusedAccess }, k: number, t: number, next: number, noisy: boolean) => boolean;

const coreRngs = new WeakMap<Rng, boolean>();

/**
 * Whether `rng` draws core's `createRng` numbers (the kernels reproduce those, not any `Rng`):
 * checked once per random source on 24 normals and 12 uniforms that cross a block of ids, bit for bit.
 */
export function drawsCoreRandom(kernels: WasmKernels, rng: Rng): boolean {
  let known = coreRngs.get(rng);
  if (known === undefined) {
    const ids = { first: 1020, count: 12 };
    const key = { step: 3, stream: 0x5eed };
    const expected = rng.normal(new Float32Array(24), ids, 2, key);
    const drawn = wasmNormals(kernels, new Float32Array(24), ids, 2, { seed: rng.seed, key }, KERNEL_LAYOUT.scratch);
    const uniforms = rng.uniform(new Float64Array(12), ids, 1, key);
    wasmDrawsAt(kernels, KERNEL_LAYOUT.chains, ids.first, ids.count, 1, { seed: rng.seed, key }, DISTRIBUTION.uniform, KERNEL_LAYOUT.scratch);
    const kernelUniforms = new Float64Array(kernels.chains.logDensity.buffer, KERNEL_LAYOUT.chains, 12);
    known = expected.every((value, i) => Object.is(value, drawn[i])) && uniforms.every((value, i) => Object.is(value, kernelUniforms[i]));
    coreRngs.set(rng, known);
  }
  return known;
}

/**
 * Why the WebAssembly kernel cannot run the reverse Euler-Maruyama step of `sde` with `score`, or
 * undefined when it can (then bit for bit): it takes the exact score of a Gaussian mixture in the
 * plane of at most `MAX_KERNEL_COMPONENTS` components, an SDE with a linear drift, core's random
 * source, and WebAssembly SIMD.
 */
export function wasmEulerMaruyamaUnfit(sde: Sde, score: ScoreModel, rng: Rng): string | undefined {
  return wasmMixtureUnfit(sde, score, rng);
}

/**
 * `wasmEulerMaruyamaUnfit` for a step without noise (the probability-flow Euler step): the same
 * conditions but the random source. Undefined when the kernel can run it.
 */
export function wasmMixtureUnfit(sde: Sde, score: ScoreModel, rng?: Rng): string | undefined {
  const description = score.describe?.();
  if (description?.kind !== 'mixture') return `the score model '${score.name}' is not an exact Gaussian mixture`;
  const { mixture } = description;
  if (mixture.dim !== 2 || mixture.components > MAX_KERNEL_COMPONENTS) {
    return `the kernel takes a mixture in the plane of at most ${MAX_KERNEL_COMPONENTS} components, got ${mixture.components} in dimension ${mixture.dim}`;
  }
  if (sde.driftCoefficient === undefined) return `the SDE '${sde.name}' gives no linear drift coefficient`;
  const kernels = wasmKernels();
  if (kernels === undefined) return 'this JavaScript engine has no WebAssembly SIMD';
  if (rng !== undefined && !drawsCoreRandom(kernels, rng)) return "the run's random source is not core's createRng";
  return undefined;
}

/**
 * The fused reverse Euler-Maruyama step (Song et al. 2021, eq. 6, Anderson 1982) of `sde` with the
 * exact mixture score in the WebAssembly SIMD kernel (`wasmMixtureStep`): the same bytes as
 * `reverseSde(sde).eulerMaruyamaStep` with `mixtureScore` (x <- (1 + a dt) x - g^2 dt score + g
 * sqrt(-dt) z), one counted score evaluation per step. Undefined when the kernel does not apply
 * (`wasmEulerMaruyamaUnfit`).
 */
export function wasmEulerMaruyamaStep(sde: Sde, score: ScoreModel, rng: Rng): WasmReverseStep | undefined {
  if (wasmEulerMaruyamaUnfit(sde, score, rng) !== undefined) return undefined;
  const kernels = wasmKernels() as WasmKernels;
  const mixture = (score.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  const components: DiffusedComponents = allocateComponents('wasmEulerMaruyamaStep', mixture);
  return (state, k, t, next, noisy) => {
    const { fused } = state;
    fused.countScore();
    const update = mixtureReverseUpdate(sde, mixture, components, t, next, noisy);
    let draws: StepNoise | undefined;
    if (update.noise !== 0) {
      const { ids } = fused;
      draws = ids instanceof Uint32Array ? { z: state.normal(state.buffer('noise'), k) } : { first: ids.first, normals: { seed: fused.rng.seed, key: fused.key(k) } };
    }
    return wasmMixtureStep(kernels, state.x, components, update, draws);
  };
}

/**
 * The constants of the reverse Euler-Maruyama step of Anderson's SDE from t to next < t with the
 * exact mixture score, as `reverseSde(sde).eulerMaruyamaStep` computes them: `components` filled
 * with the mixture diffused to t (core's `diffuseComponents` at the SDE's marginal), and the
 * update x <- (1 + a(t) dt) x - g^2 dt score + g sqrt(-dt) z (noise 0 when not `noisy`). For a
 * caller of `wasmMixtureStep` that runs the steps itself (a worker on its shard of particles).
 */
export function mixtureReverseUpdate(sde: Sde, mixture: GaussianMixture, components: DiffusedComponents, t: number, next: number, noisy: boolean): AffineUpdate {
  const { driftCoefficient } = sde;
  if (driftCoefficient === undefined) throw new RangeError(`mixtureReverseUpdate: the SDE '${sde.name}' gives no linear drift coefficient.`);
  const dt = next - t;
  const g = sde.diffusion(t);
  const { mean, std } = sde.marginal(t);
  diffuseComponents(mixture, mean, std, components);
  return { scale: 1 + driftCoefficient.call(sde, t) * dt, scoreDt: g * g * dt, noise: noisy ? g * Math.sqrt(-dt) : 0 };
}
