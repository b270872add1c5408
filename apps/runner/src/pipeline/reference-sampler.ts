import { type DataSource, type RunContext, type Sde, positionsOf, streamId } from '@scoreflow/core';
import { lastValueFrom, toArray } from 'rxjs';

/** The reference distribution at any time t, as a sample. */
export type ReferenceAt = (t: number) => Float32Array;

/**
 * Draws the reference sample once and pushes it through the SDE's exact marginal
 * x_t = m(t) x_0 + s(t) eps for each time asked (Song et al. 2021, appendix B): the law of
 * the data at time t, for any data source. Without an SDE the sample is used as it is.
 */
export async function referenceSampler(source: DataSource, ctx: RunContext, sde: Sde | undefined): Promise<ReferenceAt> {
  const batches = await lastValueFrom(source.sample(ctx).pipe(toArray()));
  const x0 = new Float32Array(batches.reduce((total, batch) => total + positionsOf(batch).length, 0));
  let offset = 0;
  for (const batch of batches) {
    x0.set(positionsOf(batch), offset);
    offset += positionsOf(batch).length;
  }
  const cache = new Map<number, Float32Array>();
  return (t) => {
    if (sde === undefined) return x0;
    let x = cache.get(t);
    if (x === undefined) {
      const { mean, std } = sde.marginal(t);
      const n = x0.length / ctx.dim;
      x = ctx.rng.normal(new Float32Array(x0.length), { first: 0, count: n }, ctx.dim, { step: 0, stream: streamId(`reference@${t}`) });
      for (let i = 0; i < x.length; i++) x[i] = mean * x0[i] + std * x[i];
      cache.set(t, x);
    }
    return x;
  };
}
