import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { type Sde, createRunContext, idsOf, labelsOf, timesOf } from '@scoreflow/core';
import { brownianSde } from '../testing/brownian-sde.js';
import { collect, coordinateStats, sameBits } from '../testing/collect.js';
import { priorSource } from './prior-source.js';

describe('priorSource(sde, dim)', () => {
  it('emits the prior with t = T, ids 0..N-1 and no label, asking the SDE for each batch', async () => {
    const calls: Uint32Array[] = [];
    const { batches, ids } = await collect(priorSource(brownianSde(9, calls), 2), createRunContext({ dim: 2, particles: 2500, batchSize: 1000 }));
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    expect(ids.every((id, i) => id === i)).toBe(true);
    expect(batches.every((b) => timesOf(b).every((t) => t === 9) && labelsOf(b) === undefined)).toBe(true);
    expect(calls.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(calls[1]).toEqual(idsOf(batches[1]));
  });

  it('has mean 0 and standard deviation priorStd = 3 within 4 standard errors', async () => {
    const N = 40_000;
    const { x } = await collect(priorSource(brownianSde(), 3), createRunContext({ dim: 3, particles: N, seed: 9 }));
    for (let j = 0; j < 3; j++) {
      const stats = coordinateStats(x, 3, j);
      expect(Math.abs(stats.mean)).toBeLessThan((4 * 3) / Math.sqrt(N));
      expect(Math.abs(stats.std - 3)).toBeLessThan((4 * 3) / Math.sqrt(2 * N));
    }
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const source = priorSource(brownianSde(), 2);
    const runs = await Promise.all(
      [1000, 4096, 65_536].map((batchSize) => collect(source, createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))),
    );
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it('copies the result of an SDE that returns a new array', async () => {
    const sde: Sde = { ...brownianSde(), prior: (out) => new Float32Array(out.length).fill(7) };
    const { x } = await collect(priorSource(sde, 2), createRunContext({ dim: 2, particles: 10 }));
    expect(x.every((v) => v === 7)).toBe(true);
  });

  it('asks the SDE for the first batch only when the subscriber takes one', async () => {
    const calls: Uint32Array[] = [];
    const source = priorSource(brownianSde(9, calls), 2);
    await lastValueFrom(source.sample(createRunContext({ dim: 2, particles: 100_000, batchSize: 1000 })).pipe(take(1), toArray()));
    expect(calls).toHaveLength(1);
  });

  it('rejects a dimension that is not an integer >= 1', () => {
    expect(() => priorSource(brownianSde(), 1.5)).toThrow(/dim must be an integer >= 1, got 1.5/);
  });
});
