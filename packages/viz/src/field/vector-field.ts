import type { ScoreModel } from '@scoreflow/core';
import { type GridArea, cellCentres } from '../heatmap/density-grid.js';

/** Vectors at points of the plane, both row-major (n * 2): a score field sampled on a grid. */
export interface VectorField {
  readonly points: Float32Array;
  readonly vectors: Float32Array;
}

/** A score function of x alone, or a `ScoreModel` at a time t. */
export type ScoreFunction = (x: Float32Array, out: Float32Array) => void | Promise<void>;

/**
 * Evaluates a 2-D score at the centres of an nx * ny grid (20 * 20 by default): a `ScoreModel`
 * at time `t` (grad log p_t, e.g. the exact mixture score or a network), or a plain function.
 * Async because a network's score may be.
 *
 * @example
 * const field = await scoreField(mixtureScore(mixture, sde), { x: [-4, 4], y: [-4, 4] }, 0.5);
 */
export async function scoreField(score: ScoreModel | ScoreFunction, area: GridArea, t = 0): Promise<VectorField> {
  if (typeof score !== 'function' && score.dim !== 2) throw new RangeError(`scoreField: score model '${score.name}' has dimension ${score.dim}; a field is drawn in 2-D.`);
  const nx = area.nx ?? 20;
  const ny = area.ny ?? 20;
  const points = cellCentres(area, nx, ny);
  const vectors = new Float32Array(points.length);
  if (typeof score === 'function') await score(points, vectors);
  else await score.score(points, t, vectors);
  return { points, vectors };
}
