import type { Density, Target } from '@scoreflow/core';

/**
 * A core `Density` of the plane (banana, donut, funnel, squiggle) as an MCMC `Target`: the same
 * name, dimension 2, `normalised: true` (every density of core includes its normalising constant),
 * and its own `logDensity` / `gradLogDensity`, which write into the caller's buffers.
 */
export function densityTarget(density: Density): Target {
  return Object.freeze({
    name: density.name,
    dim: density.dim,
    normalised: true,
    logDensity: (x: Float32Array, out: Float64Array) => density.logDensity(x, out),
    gradLogDensity: (x: Float32Array, out: Float32Array) => density.gradLogDensity(x, out),
  });
}
