import type { FigureInput } from '@scoreflow/core';
import type { Trajectories } from '../paths/trajectories.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { stageName } from './titles.js';

/**
 * The paths of particles 0 .. paths - 1 through every snapshot a figure got of `stage`, stacked
 * step after step as `drawPaths` and `drawChainTrace` read them, with the most particles a
 * snapshot held (`drawn`). Throws `NothingToDraw` when no snapshot of the stage was finished.
 */
export function pathsOf(input: FigureInput, stage: number, paths: number): Trajectories & { readonly drawn: number } {
  const { snapshots } = input;
  if (snapshots.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(input, stage)} was finished`);
  const { dim } = snapshots[0];
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(snapshot.positions.subarray(0, paths * dim), s * paths * dim));
  const drawn = Math.max(...snapshots.map((snapshot) => snapshot.count));
  return { paths, steps: snapshots.length, dim, positions, drawn };
}
