import type { StepLoop, StepRun } from '@scoreflow/core';
import type { BatchIdentity } from './snapshot.js';
import { snapshotBatch } from './snapshot.js';

/**
 * The `StepLoop` of one batch that walks `times`: step k moves the positions `x` in place from
 * times[k] to times[k + 1] (`step(k, t, next)`), and the snapshot after k steps is `x` at
 * times[k], stamped with the batch's identity; `run`, where given, performs steps k0 .. k1 - 1 at
 * once (`StepLoop.run`). The frames of the forward and reverse samplers hand it to core's `runSteps`.
 */
export function timeLoop(
  identity: BatchIdentity,
  x: Float32Array,
  times: Float64Array,
  step: (k: number, t: number, next: number) => ReturnType<StepLoop['step']>,
  run?: (k0: number, k1: number) => StepRun | Promise<StepRun>,
): StepLoop {
  return {
    ...(run === undefined ? {} : { run }),
    steps: times.length - 1,
    x,
    ids: identity.ids,
    dim: identity.dim,
    time: (k) => times[k],
    step: (k) => step(k, times[k], times[k + 1]),
    snapshot: (k) => snapshotBatch(identity, x, k, times[k]),
  };
}
