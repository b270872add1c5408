import { type AcceleratedStageSpec, type ParticleBatch, type Stage, type StepLoop, counterKey, describeStage, isFinal, runSteps, streamId } from '@scoreflow/core';
import { EMPTY, type Observable, concat, defer, filter, finalize } from 'rxjs';
import { eachBatchOnDevice } from './batch-entry.js';
import { CHAIN, CHAIN_STRIDE, type ChainMethod, chainKernelWgsl } from './chain-kernel-wgsl.js';
import { mixtureTable } from './mixture-score-wgsl.js';
import { type BatchOnDevice, type StageKernel, batchOnDevice, compileStageKernel } from './step-runner.js';

/**
 * MCMC chains on a WebGPU device (`random-walk-metropolis`, `mala`, `hmc` with a Gaussian-mixture
 * target), in the frame of the samplers package's `mcmcSampler`: the same plan (kind `mcmc`,
 * warm-up, thinning), the same snapshots (warm-up at steps -warmup .. 0 with `includeWarmup`,
 * then 1 .. steps) and the same statistics per batch (acceptance after warm-up, evaluations,
 * density and gradient evaluations, the mean step size), computed from the chains' state read back
 * with each snapshot. The kernel is `chainKernelWgsl`; `fused` runs a snapshot interval per dispatch.
 */
export function chainStage(spec: AcceleratedStageSpec, device: () => Promise<GPUDevice>): Stage {
  const chains = spec.chains;
  if (chains === undefined || spec.target?.kind !== 'mixture') throw new RangeError(`chainStage: ${spec.name} needs chain options and a mixture target.`);
  const method = spec.method as ChainMethod;
  const { steps, warmup, thin, includeWarmup } = chains;
  const leapfrogSteps = chains.leapfrogSteps ?? 10;
  const mixture = spec.target.mixture;
  const plan = { steps, warmup, snapshotEvery: thin, includeInitial: includeWarmup, scoreEvaluationsPerStep: 0 };
  const key = counterKey(spec.seed);
  const proposalStream = streamId(`${spec.name}:${method === 'hmc' ? 'momentum' : 'proposal'}`);
  const acceptStream = streamId(`${spec.name}:accept`);
  const gradientsPerIteration = method === 'mala' ? 1 : method === 'hmc' ? leapfrogSteps : 0;
  let kernel: Promise<StageKernel> | undefined;
  const compiled = () =>
    (kernel ??= device().then((gpu) =>
      compileStageKernel(gpu, chainKernelWgsl({ method, dim: spec.dim, components: mixture.components, leapfrogSteps }), spec.dim, new Map([[4, mixtureTable(mixture)]])),
    ));
  return describeStage({ kind: 'mcmc', plan }, (report) =>
    eachBatchOnDevice(spec, compiled, (entry, ready) => {
            const { ids, dim, x } = entry;
            const n = ids.length;
            const point = chains.init?.point;
            if (point !== undefined) for (let offset = 0; offset < x.length; offset += dim) x.set(point, offset);
            const state = new Float32Array(n * CHAIN_STRIDE);
            for (let i = 0; i < n; i++) {
              state[i * CHAIN_STRIDE + CHAIN.stepSize] = chains.stepSize;
              state[i * CHAIN_STRIDE + CHAIN.mu] = Math.log(10 * chains.stepSize);
            }
            const words = new Uint32Array(12);
            const delta = new Float32Array(words.buffer, 40, 1);
            const params = (first: number, count: number, rowWidth: number) => {
              words.set([n, first, count, rowWidth, key[0], key[1], proposalStream, acceptStream, warmup, chains.adapt ? 1 : 0]);
              delta[0] = chains.targetAcceptance;
              return words.slice();
            };
            const onDevice = batchOnDevice(ready, x, ids, params, new Map([[2, state]]));
            let iterations = 0;
            let sampled = 0;
            const snapshot = (step: number) => entry.snapshot(step, step);
            const warm = chainLoop(onDevice, x, ids, dim, state, warmup, includeWarmup ? thin : warmup, spec.fused, 0, (k) => k - warmup, (done) => (iterations = done));
            const sample = chainLoop(onDevice, x, ids, dim, state, steps, thin, spec.fused, warmup, (k) => k, (done) => {
              iterations = warmup + done;
              sampled = done;
            });
            const phases: Observable<ParticleBatch>[] = [];
            if (warmup > 0) {
              const schedule = { snapshotEvery: includeWarmup ? thin : warmup, includeInitial: includeWarmup };
              phases.push(runSteps(`${spec.name} warm-up`, { ...warm, snapshot: (k) => snapshot(k - warmup) }, schedule, spec.signal).pipe(filter((s) => includeWarmup && !isFinal(s))));
            }
            phases.push(
              defer(() => (spec.signal?.aborted === true ? EMPTY : runSteps(spec.name, { ...sample, snapshot }, { snapshotEvery: thin, includeInitial: includeWarmup }, spec.signal))),
            );
            return concat(...phases).pipe(
              finalize(() => {
                onDevice.destroy();
                if (iterations === 0) return;
                let accepted = 0;
                let stepSize = 0;
                for (let i = 0; i < n; i++) {
                  accepted += state[i * CHAIN_STRIDE + CHAIN.accepted];
                  stepSize += state[i * CHAIN_STRIDE + CHAIN.stepSize];
                }
                const densities = 1 + iterations;
                const gradients = gradientsPerIteration === 0 ? 0 : 1 + iterations * gradientsPerIteration;
                report({
                  particles: n,
                  values: {
                    acceptance: sampled > 0 ? accepted / (n * sampled) : Number.NaN,
                    evaluations: densities + gradients,
                    densityEvaluations: densities,
                    gradientEvaluations: gradients,
                    stepSize: stepSize / n,
                  },
                });
              }),
            );
    }),
  );
}

/**
 * A phase of `count` iterations from iteration `offset` as a `StepLoop` without its snapshot: a
 * dispatch per iteration (or per interval when `fused`), positions and chain state read back at
 * each snapshot (every `every` iterations and after the last), then `onRead(done)`.
 */
function chainLoop(
  onDevice: BatchOnDevice,
  x: Float32Array,
  ids: Uint32Array,
  dim: number,
  state: Float32Array,
  count: number,
  every: number,
  fused: boolean,
  offset: number,
  time: (k: number) => number,
  onRead: (done: number) => void,
): Omit<StepLoop, 'snapshot'> {
  let start = 0;
  return {
    steps: count,
    x,
    ids,
    dim,
    time,
    async step(k) {
      const done = k + 1;
      if (!fused) onDevice.run(offset + k, 1);
      if (done !== count && done % every !== 0) return true;
      if (fused) onDevice.run(offset + start, done - start);
      start = done;
      await onDevice.read(x, new Map([[2, state]]));
      onRead(done);
      return false;
    },
  };
}
