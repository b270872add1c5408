import type { OdeVector } from './dormand-prince.js';

/**
 * The right-hand side of dy/dt = F(y, t): writes F(y, t) into `out` (y's length, never `y`
 * itself). May return a promise (a network's score).
 */
export type OdeDerivative<V extends OdeVector> = (y: V, t: number, out: V) => void | Promise<void>;
