import { Matrix, pseudoInverse } from 'ml-matrix';
import type { LinearObservation } from './linear-observation.js';

/**
 * The Moore-Penrose pseudo-inverse A^+ of the observation matrix (dim x rows, row-major; ml-matrix's
 * SVD), which is A^T (A A^T)^-1 when A has independent rows. x + A^+ (y - A x) is the point nearest
 * x with A x = y: the projection that replacement-style inpainting applies (for A a selection of
 * coordinates, it overwrites them with y).
 */
export function observationPseudoInverse(observation: LinearObservation): Float64Array {
  const A = Matrix.from1DArray(observation.rows, observation.dim, Array.from(observation.A));
  return Float64Array.from(pseudoInverse(A).to1DArray());
}
