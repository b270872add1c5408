/** A log density in the shape of `Sde.priorLogDensity`. */
export type LogDensity = (x: Float32Array, dim: number, out: Float64Array) => Float64Array;

/** Mass and second moment of a density on a grid. */
export interface GridMoments {
  /** int p(x) dx. */
  readonly mass: number;
  /** int |x|^2 p(x) dx. */
  readonly secondMoment: number;
}

/**
 * Integrates exp(logDensity) and |x|^2 exp(logDensity) over the cube [-8 std, 8 std]^dim (dim 1 or 2)
 * by the midpoint rule with `perStd` cells per std. For a Gaussian of std `std` both errors are far
 * below 1e-9 (the rule is spectrally accurate for smooth, fast-decaying integrands, and the mass
 * beyond 8 std is about 1e-15); what remains is the Float32 rounding of the points, about 1e-7.
 */
export function gridMoments(logDensity: LogDensity, dim: 1 | 2, std: number, perStd = 8): GridMoments {
  const cells = 16 * perStd;
  const h = std / perStd;
  const coordinate = (k: number) => (k + 0.5 - cells / 2) * h;
  const n = cells ** dim;
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (dim === 1) x[i] = coordinate(i);
    else {
      x[2 * i] = coordinate(i % cells);
      x[2 * i + 1] = coordinate(Math.floor(i / cells));
    }
  }
  const logs = logDensity(x, dim, new Float64Array(n));
  const volume = h ** dim;
  let mass = 0;
  let secondMoment = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.exp(logs[i]) * volume;
    let square = 0;
    for (let j = 0; j < dim; j++) square += x[i * dim + j] ** 2;
    mass += p;
    secondMoment += square * p;
  }
  return { mass, secondMoment };
}
