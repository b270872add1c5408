import type { DataSource, Sde } from '@scoreflow/core';
import { emitBatches } from '../batching/emit-batches.js';

/**
 * Samples an SDE's prior, the reference distribution at t = T where reverse-time samplers
 * start: each batch is `sde.prior(x, ids, dim, ctx.rng)` with `t` = `sde.T`, `step` 0, no label.
 * The SDE keys its draws by particle id, so the particles do not depend on the batch size.
 *
 * @example
 * const start$ = priorSource(sde, 2).sample(ctx); // then a reverse-SDE stage
 */
export function priorSource(sde: Sde, dim: number): DataSource {
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`priorSource: dim must be an integer >= 1, got ${dim}.`);
  return {
    name: 'prior',
    dim,
    sample: (ctx) =>
      emitBatches(
        ctx,
        dim,
        (x, range) => {
          const drawn = sde.prior(x, range.ids, dim, ctx.rng);
          if (drawn !== x) x.set(drawn);
        },
        { t: sde.T },
      ),
  };
}
