import { type AcceleratedMethod, type AcceleratedStageSpec, type Stage, type StageKind, type StepLoop, counterKey, describeStage, runSteps, streamId } from '@scoreflow/core';
import { finalize } from 'rxjs';
import { eachBatchOnDevice } from './batch-entry.js';
import { loadedScore } from './check-spec.js';
import { stageScoreWgsl } from './stage-score-wgsl.js';
import { stepKernelWgsl } from './step-kernel-wgsl.js';
import { STEP, STEP_STRIDE, stepProgram } from './step-program.js';
import { type StageKernel, batchOnDevice, compileStageKernel } from './step-runner.js';

/** The stage kind of each stepped method, as its CPU sampler describes itself. */
const KINDS: Partial<Record<AcceleratedMethod, { kind: StageKind; scoreEvaluationsPerStep?: number }>> = {
  'euler-maruyama': { kind: 'reverse-sde', scoreEvaluationsPerStep: 1 },
  ancestral: { kind: 'ancestral', scoreEvaluationsPerStep: 1 },
  'ode-euler': { kind: 'ode', scoreEvaluationsPerStep: 1 },
  heun: { kind: 'ode' },
  'dpm-solver-2m': { kind: 'ode', scoreEvaluationsPerStep: 1 },
  forward: { kind: 'forward', scoreEvaluationsPerStep: 0 },
};

/**
 * A reverse sampler or the forward diffusion on a WebGPU device: the CPU stage's `kind`, `plan`,
 * snapshots (columns, steps, times) and NFE statistics, with the steps taken by the kernel of
 * `stepKernelWgsl` over a `StepProgram` and the score of `stageScoreWgsl` (a Gaussian mixture's
 * or an MLP's, its weights uploaded once per stage). Each input batch is uploaded once and stays on the device;
 * it is read back at each snapshot, where core's `runSteps` checks it for NaN and infinity (a
 * `NonFiniteError` names the snapshot's step). One dispatch per step, or with `spec.fused` one per
 * snapshot interval. `device` is awaited on the first batch, and with it a deferred score's
 * weights (`loadedScore`: a `ConfigError` at its path when what loads cannot run).
 */
export function steppedStage(spec: AcceleratedStageSpec, device: () => Promise<GPUDevice>): Stage {
  const described = KINDS[spec.method];
  if (described === undefined) throw new RangeError(`steppedStage: ${spec.method} is not a stepped sampler.`);
  const program = stepProgram(spec);
  const { steps } = program;
  const schedule = { snapshotEvery: spec.snapshotEvery, includeInitial: spec.includeInitial };
  const plan = { steps, warmup: 0, ...schedule, ...(described.scoreEvaluationsPerStep === undefined ? {} : { scoreEvaluationsPerStep: described.scoreEvaluationsPerStep }) };
  const evaluationsBefore = cumulativeEvaluations(program.rows, steps);
  const reportsNfe = described.kind !== 'forward';
  const key = counterKey(spec.seed);
  const stream = streamId(spec.name);
  let kernel: Promise<StageKernel> | undefined;
  const compiled = () => (kernel ??= compile(spec, program.rows, device));
  return describeStage({ kind: described.kind, plan }, (report) =>
    eachBatchOnDevice(spec, compiled, (entry, ready) => {
            const { ids, dim, x } = entry;
            const params = (first: number, count: number, rowWidth: number) => new Uint32Array([ids.length, first, count, stream, key[0], key[1], rowWidth, 0]);
            const own = new Map(keepsDenoised(spec) ? [[5, new Float32Array(x.length)]] : []);
            const onDevice = batchOnDevice(ready, x, ids, params, own);
            let done = 0;
            let intervalStart = 0;
            const loop: StepLoop = {
              steps,
              x,
              ids,
              dim,
              time: (k) => spec.times[k],
              async step(k) {
                done = k + 1;
                const boundary = done === steps || done % schedule.snapshotEvery === 0;
                if (!spec.fused) onDevice.run(k, 1);
                if (!boundary) return true;
                if (spec.fused) onDevice.run(intervalStart, done - intervalStart);
                intervalStart = done;
                await onDevice.read(x);
                return false;
              },
              snapshot: (k) => entry.snapshot(k, spec.times[k]),
            };
            return runSteps(spec.name, loop, schedule, spec.signal).pipe(
              finalize(() => {
                onDevice.destroy();
                if (done === 0 || !reportsNfe) return;
                report({ particles: ids.length, values: { nfe: evaluationsBefore[done] } });
              }),
            );
    }),
  );
}

/** evaluations[k]: score evaluations per particle in the first k steps. */
function cumulativeEvaluations(rows: Float64Array, steps: number): Float64Array {
  const out = new Float64Array(steps + 1);
  for (let k = 0; k < steps; k++) out[k + 1] = out[k] + rows[k * STEP_STRIDE + STEP.scored] + rows[k * STEP_STRIDE + STEP.twoStage];
  return out;
}

async function compile(deferred: AcceleratedStageSpec, rows: Float64Array, device: () => Promise<GPUDevice>): Promise<StageKernel> {
  const [gpu, spec] = await Promise.all([device(), loadedScore(deferred)]);
  const score = stageScoreWgsl(spec);
  const code = stepKernelWgsl({ dim: spec.dim, score, keepsDenoised: keepsDenoised(spec) });
  const constants = new Map<number, Float32Array>([[2, Float32Array.from(rows)], ...score.constants]);
  return compileStageKernel(gpu, code, spec.dim, constants);
}

/** Whether the kernel keeps D_prev per particle (DPM-Solver++(2M)), in a buffer at binding 5. */
const keepsDenoised = (spec: AcceleratedStageSpec) => spec.method === 'dpm-solver-2m';
