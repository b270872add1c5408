/** How the times of a fixed-step sampler are spaced between its start and its end. */
export type Spacing = 'uniform' | 'geometric';

export const SPACINGS: readonly Spacing[] = ['uniform', 'geometric'];

/**
 * The `steps + 1` times of a fixed-step sampler, from `start` to `end` (either direction).
 * `uniform`: equal steps in t. `geometric`: equal ratios t_{k+1} / t_k (both ends > 0), i.e.
 * equal steps in log t; for dx = g dW (sigma(t) = g sqrt(t)) this is the geometric sigma
 * sequence of NCSN / score_sde's VE sampler, dense where the noise is small.
 */
export function timeGrid(start: number, end: number, steps: number, spacing: Spacing = 'uniform'): Float64Array {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`timeGrid: steps must be an integer >= 1, got ${steps}.`);
  const times = new Float64Array(steps + 1);
  if (spacing === 'geometric') {
    if (!(start > 0 && end > 0)) {
      throw new RangeError(`timeGrid: geometric spacing needs both ends > 0, got ${start} and ${end}.`);
    }
    const ratio = Math.log(end / start);
    for (let k = 0; k <= steps; k++) times[k] = start * Math.exp((ratio * k) / steps);
  } else {
    for (let k = 0; k <= steps; k++) times[k] = start + ((end - start) * k) / steps;
  }
  times[0] = start;
  times[steps] = end;
  return times;
}
