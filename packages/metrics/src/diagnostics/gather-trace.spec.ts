import { makeParticleBatch } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gatherTrace } from './gather-trace.js';

/** Chains `ids` (1-D, position = 10 step + id) at `step`, in one batch. */
const at = (step: number, ids: number[]) => makeParticleBatch({ x: Float32Array.from(ids, (id) => 10 * step + id), dim: 1, id: Uint32Array.from(ids), step, t: step });

describe('gatherTrace({ fromStep, fn })', () => {
  it('gathers the steps >= fromStep into one trace, by step then chain, whatever the batch order', async () => {
    const [trace] = await lastValueFrom(from([at(2, [1, 0]), at(0, [0, 1]), at(1, [1]), at(1, [0])]).pipe(gatherTrace({ fromStep: 1 }), toArray()));
    expect(trace).toMatchObject({ chains: 2, iterations: 2, dim: 1 });
    expect(Array.from(trace.x)).toEqual([10, 11, 20, 21]);
  });

  it('completes without a value when no row was kept', async () => {
    expect(await lastValueFrom(from([at(0, [0])]).pipe(gatherTrace({ fromStep: 1 }), toArray()))).toEqual([]);
  });

  it('sends a missing chain down the error channel, named by fn', async () => {
    await expect(lastValueFrom(from([at(1, [0, 1]), at(2, [0])]).pipe(gatherTrace({ fn: 'scoreflow run' })))).rejects.toThrow(/scoreflow run: step 2 holds 1 of 2 chains/);
  });
});
