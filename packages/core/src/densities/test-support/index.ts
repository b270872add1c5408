/**
 * Test support for densities on the plane (`@scoreflow/core/testing`): quadrature and finite
 * differences that check a `Density` against its definition, and `configErrorOf` to read the
 * `ConfigError` a call throws, `reachableSources` for specs that keep an entry browser-safe, and
 * `relativeError` of a whole vector. Not for production code.
 */
export { configErrorOf } from './config-error-of.js';
export { type Interval, finiteDifferenceGradient, iteratedTrapezoid, simpson } from './quadrature.js';
export { reachableSources } from './reachable-sources.js';
export { relativeError } from './relative-error.js';
