import { MIXTURE_PRESETS, allocateComponents, streamId } from '@scoreflow/core';
import { type WasmF32Kernels, type WasmKernels, createWasmF32Kernels, createWasmKernels, fusedSteps, mixtureReverseUpdate, wasmF32MixtureSteps, wasmMixtureStep } from '@scoreflow/samplers';
import { brownian, geometricGrid } from '@scoreflow/sdes';

/** The problem every CPU bench runs: dx = dW (T = 100), the double Gaussian's exact score, a geometric grid to t = 1e-3. */
export function cpuProblem(steps: number) {
  const sde = brownian({ g: 1, T: 100 });
  const mixture = MIXTURE_PRESETS['double-gaussian']();
  return { sde, mixture, times: geometricGrid().times(sde, steps, 1e-3) };
}

/** What a shard of the particles needs: its positions (a view of the shared array), its first id, the run's seed and the steps. */
export interface ShardJob {
  readonly x: Float32Array;
  readonly first: number;
  readonly seed: number;
  readonly steps: number;
}

/** The kernels of the two exact-step engines: `wasm` (float64, TypeScript's bytes) and `wasm-f32`. */
export interface ShardKernels {
  readonly wasm: WasmKernels;
  readonly f32: WasmF32Kernels;
}

/** Which kernel a shard runs. */
export type ShardEngine = 'wasm' | 'wasm-f32';

/**
 * Runs the reverse Euler-Maruyama steps of `cpuProblem` on one shard with the WebAssembly kernel
 * directly (no Arrow batches, no RxJS): the work of the stage's fused step, keyed exactly as the
 * `euler-maruyama` stage keys its noise (its stream, particle ids, steps; no noise on the last
 * step), so any split of the particles gives the same bytes; `engine` picks the float64 kernel
 * (TypeScript's bytes, one step at a time) or the float32 one (`engine: wasm-f32`'s bytes, several
 * steps a call as the stage runs them: `fusedSteps(particles)`, `wasmF32MixtureSteps`). Returns
 * whether every position stayed finite.
 */
export function runShard(kernels: ShardKernels, job: ShardJob, engine: ShardEngine = 'wasm'): boolean {
  const { sde, mixture, times } = cpuProblem(job.steps);
  const components = allocateComponents('runShard', mixture);
  const stream = streamId('euler-maruyama');
  const update = (k: number) => mixtureReverseUpdate(sde, mixture, components, times[k], times[k + 1], k !== job.steps - 1);
  let finite = true;
  if (engine === 'wasm-f32') {
    const ids = { first: job.first, count: job.x.length / 2 };
    for (let k0 = 0; k0 < job.steps; ) {
      const steps = Math.min(job.steps - k0, fusedSteps(ids.count));
      const stepAt = (s: number) => {
        const { scale, scoreDt, noise } = update(k0 + s);
        return { components, step: { cx: scale, cs: -scoreDt, cz: noise }, key: { step: k0 + s, stream } };
      };
      finite = wasmF32MixtureSteps(kernels.f32, job.x, steps, stepAt, { seed: job.seed, ids }) === undefined && finite;
      k0 += steps;
    }
    return finite;
  }
  for (let k = 0; k < job.steps; k++) {
    finite = wasmMixtureStep(kernels.wasm, job.x, components, update(k), { first: job.first, normals: { seed: job.seed, key: { step: k, stream } } }) && finite;
  }
  return finite;
}

/** This thread's kernels of both engines; throws where WebAssembly SIMD is missing. */
export function shardKernels(): ShardKernels {
  const wasm = createWasmKernels();
  const f32 = createWasmF32Kernels();
  if (wasm === undefined || f32 === undefined) throw new Error('cpu bench: this Node has no WebAssembly SIMD.');
  return { wasm, f32 };
}
