import type { DataSource } from '@scoreflow/core';
import { type LabelledFill, type PositionFill, emitBatches } from '../batching/emit-batches.js';
import { type KeyedDraws, keyedDraws } from './keyed-draws.js';

/**
 * The `sample` of a toy set on the plane: each subscription makes its keyed draws (`keyedDraws`:
 * a particle's numbers depend on its id only) and streams batches that `fill` writes, as
 * `emitBatches` cuts them. `fill` is made once per subscription, so it may keep buffers.
 */
export function planeSampler(fill: (draws: KeyedDraws) => PositionFill): DataSource['sample'] {
  return (ctx) => emitBatches(ctx, 2, fill(keyedDraws(ctx.rng)));
}

/** `planeSampler` for labelled sets: `fill` also writes each particle's label (its circle, moon, arm, ...). */
export function labelledPlaneSampler(fill: (draws: KeyedDraws) => LabelledFill): DataSource['sample'] {
  return (ctx) => emitBatches(ctx, 2, fill(keyedDraws(ctx.rng)), { label: true });
}
