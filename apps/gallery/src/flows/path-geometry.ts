/** Paths as the viz package's `Trajectories` hold them: snapshot-major, `steps` points of `paths` paths in `dim` coordinates. */
export interface PathSet {
  readonly paths: number;
  readonly steps: number;
  readonly dim: number;
  readonly positions: ArrayLike<number>;
}

/**
 * The mean over paths of each path's length (the sum of its segments) over the distance between
 * its ends: 1 for straight paths, more as they bend (torchcfm's straightness, as
 * `npm run bench -- flows` reports it). Paths whose ends meet count their length over 1e-9.
 */
export function straightness({ paths, steps, dim, positions }: PathSet): number {
  let total = 0;
  const at = (s: number, p: number, d: number) => positions[(s * paths + p) * dim + d];
  for (let p = 0; p < paths; p++) {
    let length = 0;
    for (let s = 1; s < steps; s++) {
      let step = 0;
      for (let d = 0; d < dim; d++) step += (at(s, p, d) - at(s - 1, p, d)) ** 2;
      length += Math.sqrt(step);
    }
    let chord = 0;
    for (let d = 0; d < dim; d++) chord += (at(steps - 1, p, d) - at(0, p, d)) ** 2;
    total += length / Math.max(1e-9, Math.sqrt(chord));
  }
  return total / paths;
}

/**
 * How many pairs of the straight conditional paths x_t^i = (1 - t) x0_i + t x1_i (row-major points,
 * n rows of `dim` each) come within `radius` of each other at the same time t in [0, 1]: where
 * paths meet, flow matching averages their velocities and the learned flow bends (I-CFM's
 * independent pairs meet often; an optimal plan's pairs, being cyclically monotone, only where
 * both their ends are close). The distance d(t) = a + t (b - a), a = x0_i - x0_j, b = x1_i - x1_j,
 * is least at t* = -a.(b - a) / |b - a|^2 clamped to [0, 1].
 */
export function meetings(x0: ArrayLike<number>, x1: ArrayLike<number>, dim: number, radius: number): number {
  const n = Math.floor(x0.length / dim);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let ae = 0;
      let ee = 0;
      for (let d = 0; d < dim; d++) {
        const a = x0[i * dim + d] - x0[j * dim + d];
        const e = x1[i * dim + d] - x1[j * dim + d] - a;
        ae += a * e;
        ee += e * e;
      }
      const t = ee > 0 ? Math.min(1, Math.max(0, -ae / ee)) : 0;
      let closest = 0;
      for (let d = 0; d < dim; d++) {
        const a = x0[i * dim + d] - x0[j * dim + d];
        closest += (a + t * (x1[i * dim + d] - x1[j * dim + d] - a)) ** 2;
      }
      if (closest < radius * radius) count++;
    }
  }
  return count;
}
