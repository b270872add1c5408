import { type DataSource, DimensionError, streamId } from '@scoreflow/core';
import { emitBatches } from '../batching/emit-batches.js';

/** Stream of the standard normals of `gaussianSource`. */
const NOISE = streamId('gaussian/noise');

/** Parameters of `gaussianSource`. */
export interface GaussianSourceOptions {
  /** Dimension of the particles (an integer >= 1). */
  readonly dim: number;
  /** The mean: one number for every coordinate, or one per coordinate. Defaults to 0. */
  readonly mean?: number | readonly number[];
  /** The standard deviation of every coordinate (> 0). Defaults to 1. */
  readonly std?: number;
}

/**
 * Samples the isotropic Gaussian N(mean, std^2 I): x = mean + std * z with z standard normal.
 * Batches have `t` 0 and no label; randomness is keyed by particle id (stream `gaussian/noise`,
 * step 0), so the particles do not depend on the batch size. Bad arguments throw here.
 *
 * @example
 * const source = gaussianSource({ dim: 2, mean: [1, -1], std: 0.5 });
 * source.sample(createRunContext({ dim: 2, particles: 1000 })).pipe(take(1)).subscribe(...);
 */
export function gaussianSource(options: GaussianSourceOptions): DataSource {
  const { dim, mean: rawMean = 0, std = 1 } = options;
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`gaussianSource: dim must be an integer >= 1, got ${dim}.`);
  if (!(std > 0) || !Number.isFinite(std)) throw new RangeError(`gaussianSource: std must be a finite number > 0, got ${std}.`);
  if (typeof rawMean !== 'number' && rawMean.length !== dim) {
    throw new DimensionError('gaussianSource: mean (one number, or one per coordinate)', dim, rawMean.length);
  }
  const mean = typeof rawMean === 'number' ? new Float64Array(dim).fill(rawMean) : Float64Array.from(rawMean);
  mean.forEach((m, j) => {
    if (!Number.isFinite(m)) throw new RangeError(`gaussianSource: mean[${j}] must be finite, got ${m}.`);
  });

  return {
    name: 'gaussian',
    dim,
    sample: (ctx) =>
      emitBatches(ctx, dim, (x, range) => {
        ctx.rng.normal(x, range, dim, { step: 0, stream: NOISE });
        for (let i = 0; i < x.length; i += dim) for (let j = 0; j < dim; j++) x[i + j] = mean[j] + std * x[i + j];
      }),
  };
}
