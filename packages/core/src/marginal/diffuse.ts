import type { Marginal } from '../contracts/sde.js';
import { type Rng, streamId } from '../random/rng.js';

/** How `diffuse` draws its noise: the rows' keys in core's keyed generator. */
export interface DiffuseDraw {
  /** The generator (a run context's `rng`). */
  readonly rng: Rng;
  /** Name of the noise's stream (hashed by `streamId`). */
  readonly stream: string;
  /** The step of the draw (default 0). */
  readonly step?: number;
  /** Id of the first row (default 0): row i draws as particle `first + i`. */
  readonly first?: number;
}

/**
 * Pushes the rows of `x0` (row-major, n x `dim`) through a linear SDE's transition
 * x_t = m(t) x_0 + s(t) eps, eps ~ N(0, I) (Song et al. 2021, appendix B): a sample of p_t when
 * x_0 is a sample of the data. The noise of row i depends only on the generator's seed, `stream`,
 * `step` and the row's id, never on how the rows are batched. Returns a new array.
 *
 * @example
 * const xt = diffuse(x0, 2, sde.marginal(0.1), { rng: ctx.rng, stream: 'reference@0.1' });
 */
export function diffuse(x0: Float32Array, dim: number, marginal: Marginal, draw: DiffuseDraw): Float32Array {
  const n = x0.length / dim;
  if (!Number.isInteger(n)) throw new RangeError(`diffuse: x0 must hold n * ${dim} values, got ${x0.length}.`);
  const { mean, std } = marginal;
  const x = draw.rng.normal(new Float32Array(x0.length), { first: draw.first ?? 0, count: n }, dim, { step: draw.step ?? 0, stream: streamId(draw.stream) });
  for (let i = 0; i < x.length; i++) x[i] = mean * x0[i] + std * x[i];
  return x;
}
