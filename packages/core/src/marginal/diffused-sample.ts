import { positionsOf } from '../batch/accessors.js';
import type { DataSource } from '../contracts/data-source.js';
import type { Sde } from '../contracts/sde.js';
import type { RunContext } from '../context/run-context.js';
import { collectAll } from '../operators/collect-all.js';
import { diffuse } from './diffuse.js';

/** A sample of the data's law p_t at any time t (row-major, `dim` per row). */
export type DiffusedSample = (t: number) => Float32Array;

/**
 * Draws `ctx.particles` rows of `source` once (x_0) and pushes them through the SDE's exact
 * marginal x_t = m(t) x_0 + s(t) eps for each time asked (`diffuse`; Song et al. 2021, appendix
 * B): a sample of p_t, the law of the data at time t, for any data source. The noise of time t
 * is the stream `reference@t` of `ctx.rng`, so a time asked twice (or by another caller with the
 * same context) gives the same sample; each is kept. Without an SDE the data's sample is returned
 * for every t.
 *
 * @example
 * const sampleAt = await diffusedSample(source, createRunContext({ dim: 2, particles: 4096, seed }), sde);
 * const xt = sampleAt(0.1 * sde.T);
 */
export async function diffusedSample(source: DataSource, ctx: RunContext, sde: Sde | undefined): Promise<DiffusedSample> {
  const batches = await collectAll(source.sample(ctx));
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
      x = diffuse(x0, ctx.dim, sde.marginal(t), { rng: ctx.rng, stream: `reference@${t}` });
      cache.set(t, x);
    }
    return x;
  };
}
