import { dimOf, idsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import type { Trajectories } from '../paths/trajectories.js';
import { type Batches, batchList } from './batches.js';

/**
 * The paths of particles `0 .. paths - 1` (ids) through every step found in the batches, steps in
 * ascending order: for `drawPaths` and `drawChainTrace`. A particle missing at a step is NaN
 * there. Reads only the rows it needs.
 *
 * @example
 * drawPaths(ctx, frame, trajectoriesOf(readParticleTable('out/run/trajectories.arrow'), 20));
 */
export function trajectoriesOf(batches: Batches, paths: number): Trajectories {
  const list = batchList(batches).filter((batch) => batch.numRows > 0);
  const dim = list.length === 0 ? 2 : dimOf(list[0]);
  const times = new Map<number, number>();
  for (const batch of list) {
    const steps = stepsOf(batch);
    const t = timesOf(batch);
    for (let i = 0; i < batch.numRows; i++) if (!times.has(steps[i])) times.set(steps[i], t[i]);
  }
  const order = [...times.keys()].sort((a, b) => a - b);
  const row = new Map(order.map((step, s) => [step, s]));
  const positions = new Float32Array(order.length * paths * dim).fill(Number.NaN);
  for (const batch of list) {
    const ids = idsOf(batch);
    const steps = stepsOf(batch);
    const x = positionsOf(batch);
    for (let i = 0; i < batch.numRows; i++) {
      if (ids[i] >= paths) continue;
      const s = row.get(steps[i]) as number;
      positions.set(x.subarray(i * dim, (i + 1) * dim), (s * paths + ids[i]) * dim);
    }
  }
  return { paths, steps: order.length, dim, positions, times: Float64Array.from(order, (step) => times.get(step) as number) };
}
