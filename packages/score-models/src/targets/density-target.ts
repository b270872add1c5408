import type { Density, Target, TargetDescription } from '@scoreflow/core';

/** What `densityTarget` reads of a density: its name, dimension, and normalised log p and grad log p. */
export type NormalisedDensity = Pick<Density, 'name' | 'logDensity' | 'gradLogDensity'> & { readonly dim: number };

/**
 * A normalised density as an MCMC `Target`: a core `Density` of the plane (banana, donut, funnel,
 * squiggle), or a mixture's (`mixtureTarget`). The same name and dimension, `normalised: true`
 * (every such density includes its normalising constant), its own `logDensity` /
 * `gradLogDensity`, which write into the caller's buffers, and `describe` when given.
 */
export function densityTarget(density: NormalisedDensity, describe?: () => TargetDescription): Target {
  return Object.freeze({
    name: density.name,
    dim: density.dim,
    normalised: true,
    logDensity: (x: Float32Array, out: Float64Array) => density.logDensity(x, out),
    gradLogDensity: (x: Float32Array, out: Float32Array) => density.gradLogDensity(x, out),
    ...(describe === undefined ? {} : { describe }),
  });
}
