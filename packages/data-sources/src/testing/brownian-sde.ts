import { type Sde, streamId } from '@scoreflow/core';

/**
 * Brownian motion dx = dW on [0, T] for tests, prior N(0, T I) drawn from the keyed stream
 * `test/prior` (step 0); `calls` records the ids each prior draw is asked for. Only `T` and
 * `prior` matter to a data source; `priorLogDensity` throws.
 *
 * @example
 * const source = priorSource(brownianSde(9), 2); // t = 9, std 3
 */
export function brownianSde(T = 9, calls: Uint32Array[] = []): Sde {
  const stream = streamId('test/prior');
  const priorStd = Math.sqrt(T);
  return {
    name: 'brownian',
    T,
    priorStd,
    priorLogDensity: () => {
      throw new Error('priorLogDensity is not used here');
    },
    drift: (_x, _t, out) => out.fill(0),
    diffusion: () => 1,
    marginal: (t) => ({ mean: 1, std: Math.sqrt(t) }),
    prior(out, ids, dim, rng) {
      calls.push(ids);
      rng.normal(out, ids, dim, { step: 0, stream });
      for (let k = 0; k < out.length; k++) out[k] *= priorStd;
      return out;
    },
  };
}
