import { type DataSource, DimensionError, type GaussianMixture, streamId } from '@scoreflow/core';
import { emitBatches } from '../batching/emit-batches.js';
import { cumulativeWeights, pickComponent } from './component-picker.js';

/** Stream of the uniform that picks each particle's component. */
const COMPONENT = streamId('gaussian-mixture/component');
/** Stream of the standard normals that place each particle within its component. */
const NOISE = streamId('gaussian-mixture/noise');

/**
 * Samples a Gaussian mixture p(x) = sum_k w_k N(x; mu_k, diag(sigma_k^2)) exactly: for each
 * particle one uniform u picks the component k by inverse CDF over the cumulative weights (the
 * smallest k with u < w_0 + ... + w_k), then x = mu_k + sigma_k * z with z standard normal
 * (coordinate-wise). k goes into the `label` column. Batches have `t` 0; randomness is keyed by
 * particle id (streams `gaussian-mixture/component` and `gaussian-mixture/noise`, step 0), so
 * the particles do not depend on the batch size. It describes itself as the exact `mixture`
 * (`describeSource`), so that a run can use its closed-form score.
 *
 * @example
 * const source = gaussianMixtureSource(MIXTURE_PRESETS['double-gaussian']());
 * source.sample(createRunContext({ dim: 2, particles: 1000, seed: 1 })).subscribe((batch) => ...);
 */
export function gaussianMixtureSource(mixture: GaussianMixture): DataSource {
  const { dim, components, means, stds } = mixture;
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`gaussianMixtureSource: dim must be an integer >= 1, got ${dim}.`);
  if (mixture.weights.length !== components) throw new DimensionError('gaussianMixtureSource: weights (one per component)', components, mixture.weights.length);
  if (means.length !== components * dim) throw new DimensionError('gaussianMixtureSource: means (components * dim values)', components * dim, means.length);
  if (stds.length !== components * dim) throw new DimensionError('gaussianMixtureSource: stds (components * dim values)', components * dim, stds.length);
  const cumulative = cumulativeWeights(mixture.weights);

  return {
    name: 'gaussian-mixture',
    dim,
    describe: () => ({ kind: 'mixture', mixture }),
    sample(ctx) {
      let uniforms = new Float64Array(0);
      return emitBatches(
        ctx,
        dim,
        (x, range, labels) => {
          if (uniforms.length < range.count) uniforms = new Float64Array(range.count);
          ctx.rng.uniform(uniforms, range, 1, { step: 0, stream: COMPONENT });
          ctx.rng.normal(x, range, dim, { step: 0, stream: NOISE });
          for (let i = 0; i < range.count; i++) {
            const k = pickComponent(cumulative, uniforms[i]);
            labels[i] = k;
            for (let j = 0, row = i * dim, at = k * dim; j < dim; j++) x[row + j] = means[at + j] + stds[at + j] * x[row + j];
          }
        },
        { label: true },
      );
    },
  };
}
