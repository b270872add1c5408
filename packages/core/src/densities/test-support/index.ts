/**
 * Test support for densities on the plane (`@scoreflow/core/testing`): quadrature and finite
 * differences that check a `Density` against its definition. Not for production code.
 */
export { type Interval, finiteDifferenceGradient, iteratedTrapezoid, simpson } from './quadrature.js';
