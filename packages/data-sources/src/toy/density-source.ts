import type { DataSource, Density } from '@scoreflow/core';

/**
 * A data source that knows its exact density: `density` is core's `Density` (normalised log p and
 * its gradient on the plane, with `parameters` after defaults), the very law the source samples.
 * Every toy set with a closed-form density has one (the Gaussian mixtures, checkerboard, banana,
 * donut, funnel), so that a run can use it as an MCMC target or score samples by likelihood. Each
 * also says so through core's `describe()`: `{ kind: 'density', density }`, or for the Gaussian
 * mixtures `{ kind: 'mixture', mixture }`, which is more (its diffused score is known).
 *
 * @example
 * const source = bananaSource();
 * if (hasDensity(source)) source.density.logDensity(x, out);
 */
export interface DensitySource<P extends object = object> extends DataSource {
  readonly density: Density<P>;
}

/** Whether `source` carries an exact density (a `density` object with a `logDensity` function). */
export function hasDensity(source: DataSource): source is DensitySource {
  const density = (source as { density?: { logDensity?: unknown } }).density;
  return typeof density === 'object' && density !== null && typeof density.logDensity === 'function';
}
