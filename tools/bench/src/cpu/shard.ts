import { MIXTURE_PRESETS, allocateComponents, streamId } from '@scoreflow/core';
import { type WasmKernels, mixtureReverseUpdate, wasmMixtureStep } from '@scoreflow/samplers';
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

/**
 * Runs the reverse Euler-Maruyama steps of `cpuProblem` on one shard with the WebAssembly kernel
 * directly (no Arrow batches, no RxJS): the work of the stage's fused step, keyed exactly as the
 * `euler-maruyama` stage keys its noise (its stream, particle ids, steps; no noise on the last
 * step), so any split of the particles gives the same bytes. Returns whether every position stayed finite.
 */
export function runShard(kernels: WasmKernels, job: ShardJob): boolean {
  const { sde, mixture, times } = cpuProblem(job.steps);
  const components = allocateComponents('runShard', mixture);
  const stream = streamId('euler-maruyama');
  let finite = true;
  for (let k = 0; k < job.steps; k++) {
    const update = mixtureReverseUpdate(sde, mixture, components, times[k], times[k + 1], k !== job.steps - 1);
    const noise = { first: job.first, normals: { seed: job.seed, key: { step: k, stream } } };
    finite = wasmMixtureStep(kernels, job.x, components, update, noise) && finite;
  }
  return finite;
}
