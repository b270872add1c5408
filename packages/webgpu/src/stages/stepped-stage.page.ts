import { collectAll, makeParticleBatch, stepsOf } from '@scoreflow/core';
import { acquireGpu } from '../device/index.js';
import { steppedStage } from './stepped-stage.js';
import { from } from 'rxjs';

const gpu = acquireGpu();

/**
 * Page side of stepped-stage.chromium.spec.ts: four 2-D particles, one of them at x = Infinity,
 * through `steps` exact forward steps of dx = dW (a = 0, g = 1, m = 1, s = sqrt(t)) on the GPU;
 * resolves to the error's name and message, or to the snapshots' steps when nothing failed.
 */
export async function forwardWithInfinity(steps: number, fused: boolean, bad: boolean): Promise<{ error?: { name: string; message: string }; steps?: number[] }> {
  const times = Float64Array.from({ length: steps + 1 }, (_, k) => k / steps);
  const stage = steppedStage(
    {
      name: 'forward',
      method: 'forward',
      times,
      sde: { drift: new Float64Array(steps + 1), diffusion: new Float64Array(steps + 1).fill(1), mean: new Float64Array(steps + 1).fill(1), std: times.map(Math.sqrt) },
      dim: 2,
      snapshotEvery: 2,
      includeInitial: false,
      seed: 1,
      fused,
      options: { forward: 'exact' },
    },
    async () => (await gpu).device,
  );
  const x = new Float32Array([0, 0, 1, 1, bad ? Infinity : 2, 2, 3, 3]);
  try {
    const batches = await collectAll(from([makeParticleBatch({ x, dim: 2, id: 10, step: 0, t: 0 })]).pipe(stage));
    return { steps: batches.map((batch) => stepsOf(batch)[0]) };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message } };
  }
}
