/**
 * Paths of `paths` particles through `steps` snapshots, snapshot-major as snapshots stream:
 * `positions[(s * paths + p) * dim + j]` is coordinate j of particle p at snapshot s. A NaN
 * marks a particle missing from a snapshot (the line breaks there).
 */
export interface Trajectories {
  readonly paths: number;
  readonly steps: number;
  readonly dim: number;
  readonly positions: Float32Array;
  /** Time (or step, or iteration) of each snapshot, when known. */
  readonly times?: ArrayLike<number>;
}

/** Checks that `positions` holds paths * steps * dim values; returns the trajectories. */
export function checkTrajectories(trajectories: Trajectories, fn: string): Trajectories {
  const { paths, steps, dim, positions } = trajectories;
  if (positions.length !== paths * steps * dim) {
    throw new RangeError(`${fn}: ${paths} paths * ${steps} steps * dim ${dim} = ${paths * steps * dim} values expected, got ${positions.length}.`);
  }
  return trajectories;
}
