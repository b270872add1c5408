import { type LinearObservation, observationPseudoInverse } from '@scoreflow/core';

/**
 * The observation y = A x + noise as a stage uses it, with A^+ (core's `observationPseudoInverse`)
 * and scratch for one particle.
 */
export interface ObservedProjection {
  readonly observation: LinearObservation;
  /** A^+, dim x rows, row-major. */
  readonly pseudoInverse: Float64Array;
  /** Scratch: rows values. */
  readonly residual: Float64Array;
}

/** The projection of `observation` (see `ObservedProjection`). */
export function observedProjection(observation: LinearObservation): ObservedProjection {
  return { observation, pseudoInverse: observationPseudoInverse(observation), residual: new Float64Array(observation.rows) };
}

/**
 * out_r = target_r - (A x)_r for the particle at x[base], where target = `scale` y + `noise` A z
 * with z the particle's `dim` normals at z[base] (z unused when noise is 0). Returns |out|^2.
 */
export function writeResidual(p: ObservedProjection, x: Float32Array, base: number, scale: number, noise: number, z: Float32Array, out: Float64Array): number {
  const { A, y, rows, dim } = p.observation;
  let square = 0;
  for (let r = 0; r < rows; r++) {
    let ax = 0;
    let az = 0;
    for (let j = 0; j < dim; j++) {
      ax += A[r * dim + j] * x[base + j];
      if (noise !== 0) az += A[r * dim + j] * z[base + j];
    }
    const value = scale * y[r] + noise * az - ax;
    out[r] = value;
    square += value * value;
  }
  return square;
}

/**
 * Replacement (score_sde's `get_pc_inpainter`, generalised from masks to any A with independent
 * rows): every particle is moved to the nearest point whose observation is the forward-diffused
 * y at time t, x <- x + A^+ (m(t) y + s(t) A z - A x), z ~ N(0, I). For A a selection of
 * coordinates this overwrites them with m y + s z, as score_sde does.
 */
export function replaceObserved(p: ObservedProjection, x: Float32Array, mean: number, std: number, z: Float32Array): void {
  const { rows, dim } = p.observation;
  const { pseudoInverse, residual } = p;
  for (let base = 0; base < x.length; base += dim) {
    writeResidual(p, x, base, mean, std, z, residual);
    for (let j = 0; j < dim; j++) {
      let shift = 0;
      for (let r = 0; r < rows; r++) shift += pseudoInverse[j * rows + r] * residual[r];
      x[base + j] += shift;
    }
  }
}
