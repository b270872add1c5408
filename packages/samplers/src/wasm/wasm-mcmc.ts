import { type GaussianMixture, type Target, allocateComponents, diffuseComponents } from '@scoreflow/core';
import type { Chains } from '../mcmc/chains.js';
import type { McmcKernel } from '../mcmc/mcmc-sampler.js';
import type { CpuEngine } from './wasm-euler-maruyama.js';
import { CHUNK_PARTICLES, KERNEL_LAYOUT, MAX_KERNEL_COMPONENTS, type WasmKernels, kernelComponents, wasmKernels, writeComponentTable } from './wasm-kernels.js';
import { drawsCoreRandom } from './wasm-euler-maruyama.js';
import { DISTRIBUTION, wasmDrawsAt } from './wasm-normals.js';

/** The MCMC samplers with a WebAssembly kernel, by their code in `kernels.wat`'s `mcmcStep`. */
const KINDS = { 'random-walk-metropolis': 0, mala: 1, hmc: 2 } as const;

/** An MCMC sampler the kernel runs. */
export type WasmMcmcMethod = keyof typeof KINDS;

/**
 * Why the WebAssembly kernel cannot run an MCMC transition on `target`, or undefined when it can
 * (then bit for bit): it takes a target that describes itself as a Gaussian mixture in the plane
 * of up to `MAX_KERNEL_COMPONENTS` components (`gaussian-mixture`, `ring`, `separated-modes`), and
 * WebAssembly SIMD.
 */
export function wasmMcmcUnfit(target: Target): string | undefined {
  const description = target.describe?.();
  if (description?.kind !== 'mixture') return `the target '${target.name}' is not an exact Gaussian mixture`;
  const { mixture } = description;
  if (mixture.dim !== 2 || mixture.components > MAX_KERNEL_COMPONENTS) {
    return `the kernel takes a mixture in the plane of at most ${MAX_KERNEL_COMPONENTS} components, got ${mixture.components} in dimension ${mixture.dim}`;
  }
  if (wasmKernels() === undefined) return 'this JavaScript engine has no WebAssembly SIMD';
  return undefined;
}

/**
 * The transition of `method` on the WebAssembly SIMD kernel (`kernels.wat`'s `mcmcStep`): the
 * proposal, the exact log density (core's `writeLogDensity`: Math.exp and Math.log imported, so
 * the same functions) and gradient (core's `writeGradLogDensity`, unrolled for two components,
 * generic otherwise) of the mixture, the leapfrog steps of HMC and the
 * Metropolis-Hastings test, fused per pair of chains; the normals and uniforms are core's keyed
 * draws, made by the kernels for a range of ids (`wasmDrawsAt`) and by the chains otherwise. The same bytes as
 * `randomWalkKernel`, `malaKernel` and `hmcKernel(leapfrogSteps)` on a mixture target (positions,
 * log densities, gradients, alpha, acceptances, evaluation counts), chunk by chunk. Undefined where
 * the kernel does not apply (`wasmMcmcUnfit`).
 */
export function wasmMcmcTransition(method: WasmMcmcMethod, target: Target, leapfrogSteps = 1): McmcKernel['transition'] | undefined {
  if (wasmMcmcUnfit(target) !== undefined) return undefined;
  const kernels = wasmKernels() as WasmKernels;
  const mixture = (target.describe?.() as { readonly mixture: GaussianMixture }).mixture;
  // the undiffused mixture, as core's mixtureLogDensity and mixtureGradLogDensity take it
  const diffused = diffuseComponents(mixture, 1, 0, allocateComponents('wasmMcmcTransition', mixture));
  const { centres: a, precisions: p, logNormalisers: c } = diffused;
  // Two components: the unrolled constants at `target`; K: the generic score's table in `mixture`.
  const count = kernelComponents(mixture.components);
  const constants = new Float64Array(count === 0 ? 11 : 5 * count);
  if (count === 0) constants.set([a[0], a[1], a[2], a[3], p[0], p[1], p[2], p[3], c[1] - c[0], c[0], c[1]]);
  else writeComponentTable(constants, diffused);
  const kind = KINDS[method];
  const gradient = kind !== 0;
  const normalUse = kind === 2 ? 'momentum' : 'proposal';
  return (chains: Chains, iteration: number) => {
    const { n, x, logDensity, stepSize, alpha, accepted, counts } = chains;
    const { ids, rng, stream } = chains.draws;
    // Core's draws for a range of ids are drawn by the kernels into their own memory; scattered ids
    // (or another random source) are drawn by the chains, as the TypeScript kernels draw them.
    const inKernel = !(ids instanceof Uint32Array) && drawsCoreRandom(kernels, rng);
    const z = inKernel ? undefined : chains.normal(chains.buffer(kind === 2 ? 'momentum' : 'z'), iteration, normalUse);
    const u = inKernel ? undefined : chains.uniform(chains.buffer('u', 1), iteration, 'accept');
    const normalKey = { seed: rng.seed, key: { step: iteration, stream: stream(normalUse) } };
    const uniformKey = { seed: rng.seed, key: { step: iteration, stream: stream('accept') } };
    counts.densities++;
    counts.gradients += kind === 0 ? 0 : kind === 1 ? 1 : leapfrogSteps;
    (count === 0 ? kernels.target : kernels.mixture).set(constants);
    const view = kernels.chains;
    for (let i = 0; i < n; i += CHUNK_PARTICLES) {
      const run = Math.min(n - i, CHUNK_PARTICLES);
      const [from, to] = [2 * i, 2 * (i + run)];
      view.x.set(x.subarray(from, to));
      if (gradient) view.gradient.set(chains.gradient.subarray(from, to));
      view.logDensity.set(logDensity.subarray(i, i + run));
      view.stepSize.set(stepSize.subarray(i, i + run));
      if (z === undefined || u === undefined) {
        const first = (ids as { readonly first: number }).first + i;
        wasmDrawsAt(kernels, view.z.byteOffset, first, run, 2, normalKey, DISTRIBUTION.normal, KERNEL_LAYOUT.scratch);
        wasmDrawsAt(kernels, view.u.byteOffset, first, run, 1, uniformKey, DISTRIBUTION.uniform, KERNEL_LAYOUT.scratch);
      } else {
        view.z.set(z.subarray(from, to));
        view.u.set(u.subarray(i, i + run));
      }
      if (run % 2 === 1) {
        // the kernel takes chains in pairs: the slot after an odd last one computes on zeros
        for (const values of [view.x, view.gradient, view.z]) values.fill(0, 2 * run, 2 * run + 2);
        for (const values of [view.logDensity, view.stepSize, view.u]) values[run] = 0;
      }
      kernels.mcmcStep(kind, run, leapfrogSteps, count);
      x.set(view.x.subarray(0, 2 * run), from);
      if (gradient) chains.gradient.set(view.gradient.subarray(0, 2 * run), from);
      logDensity.set(view.logDensity.subarray(0, run), i);
      alpha.set(view.alpha.subarray(0, run), i);
      accepted.set(view.accepted.subarray(0, run), i);
    }
  };
}

/**
 * `kernel` with its transition on the WebAssembly kernel where `engine` allows and it applies
 * (`auto`, the default: where it does, with the same bytes; `typescript`: never; `wasm`: always,
 * or a `RangeError` naming why it cannot).
 */
export function mcmcKernelOn(engine: CpuEngine | undefined, kernel: McmcKernel, method: WasmMcmcMethod, target: Target, leapfrogSteps?: number): McmcKernel {
  const chosen = engine ?? 'auto';
  const transition = chosen === 'typescript' ? undefined : wasmMcmcTransition(method, target, leapfrogSteps);
  if (chosen === 'wasm' && transition === undefined) {
    throw new RangeError(`${method}: engine 'wasm' cannot run this stage: ${wasmMcmcUnfit(target)}; use engine 'auto' or 'typescript'.`);
  }
  return transition === undefined ? kernel : { ...kernel, transition };
}
