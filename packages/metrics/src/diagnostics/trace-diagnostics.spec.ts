import { type ParticleBatch, makeParticleBatch } from '@scoreflow/core';
import { type Observable, from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { chainDiagnostics } from './chain-diagnostics.js';
import type { ChainDiagnostics } from './chain-diagnostics.js';
import { ar1Chains } from './test-support/ar1.js';
import { traceDiagnostics } from './trace-diagnostics.js';

const chains = 6;
const steps = 40;
const dim = 2;
/** Chain-major draws of each coordinate: chains mix in coordinate 0, coordinate 1 drifts. */
const draws = [ar1Chains(1, chains, steps, 0.3), ar1Chains(2, chains, steps, 0).map((v, k) => v + (k % steps) / 8)];
/** Position of chain c at step s, as a Float32 row. */
const row = (c: number, s: number) => draws.map((d) => d[c * steps + s]);

/** The snapshot of `ids` at `step`, cut into batches of `size` rows. */
function snapshot(step: number, ids: readonly number[], size: number): ParticleBatch[] {
  const batches: ParticleBatch[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    batches.push(makeParticleBatch({ x: Float32Array.from(chunk.flatMap((c) => row(c, step))), dim, id: Uint32Array.from(chunk), step, t: step }));
  }
  return batches;
}

/** The trace of steps from .. steps - 1, iteration-major, as chainDiagnostics reads it. */
function expected(fromStep: number): ChainDiagnostics {
  const iterations = steps - fromStep;
  const x = new Float32Array(iterations * chains * dim);
  for (let i = 0; i < iterations; i++) for (let c = 0; c < chains; c++) x.set(row(c, fromStep + i), (i * chains + c) * dim);
  return chainDiagnostics({ x, chains, iterations, dim });
}

function collect<T>(source: Observable<T>): { values: T[]; error: unknown; completed: boolean } {
  const result = { values: [] as T[], error: undefined as unknown, completed: false };
  source.subscribe({ next: (v) => result.values.push(v), error: (e: unknown) => (result.error = e), complete: () => (result.completed = true) });
  return result;
}

/** Steps in a scrambled order, each cut into two batches with chain ids reversed. */
const scrambled = (stepList: readonly number[]) =>
  stepList.map((_, k) => stepList[(k * 7) % stepList.length]).flatMap((s) => snapshot(s, [5, 4, 3, 2, 1, 0], 4));

describe('traceDiagnostics({ fromStep })', () => {
  const all = Array.from({ length: steps }, (_, s) => s);

  it('orders snapshots by step and chain id and emits chainDiagnostics of the trace on completion', () => {
    const { values, completed } = collect(from(scrambled(all)).pipe(traceDiagnostics()));
    expect(completed).toBe(true);
    expect(values).toEqual([expected(0)]);
    expect(values[0].maxRhat).toBeGreaterThan(1.1); // the drifting coordinate
  });

  it('gives the same result whatever the batch size and order', () => {
    const inOrder = all.flatMap((s) => snapshot(s, [0, 1, 2, 3, 4, 5], 6));
    expect(collect(from(inOrder).pipe(traceDiagnostics())).values).toEqual(collect(from(scrambled(all)).pipe(traceDiagnostics())).values);
  });

  it('leaves out the steps before fromStep (warm-up)', () => {
    const { values } = collect(from(scrambled(all)).pipe(traceDiagnostics({ fromStep: 24 })));
    expect(values).toEqual([expected(24)]);
    expect(values[0].iterations).toBe(16);
  });

  it('completes without a value for an empty source or one with no step >= fromStep', () => {
    expect(collect(from([] as ParticleBatch[]).pipe(traceDiagnostics()))).toEqual({ values: [], error: undefined, completed: true });
    expect(collect(from(snapshot(3, [0, 1], 2)).pipe(traceDiagnostics({ fromStep: 4 }))).values).toEqual([]);
  });

  it('keeps its state per subscription', () => {
    const diagnosed = from(scrambled(all)).pipe(traceDiagnostics());
    expect(collect(diagnosed).values).toEqual(collect(diagnosed).values);
  });

  it('sends a missing or repeated chain, another dimension and too few snapshots down the error channel', () => {
    const missing = collect(from([...snapshot(0, [0, 1, 2], 3), ...snapshot(1, [0, 2], 3)]).pipe(traceDiagnostics()));
    expect(String(missing.error)).toMatch(/traceDiagnostics: step 1 holds 2 of 3 chains \(chain 1 is missing\)/);
    const repeated = collect(from([...snapshot(0, [0, 1], 2), ...snapshot(0, [1], 1)]).pipe(traceDiagnostics()));
    expect(String(repeated.error)).toMatch(/traceDiagnostics: chain 1 arrives twice at step 0/);
    const other = makeParticleBatch({ x: new Float32Array(3), dim: 3, id: 0, step: 1, t: 1 });
    expect(collect(from([...snapshot(0, [0], 1), other]).pipe(traceDiagnostics())).error).toMatchObject({ name: 'DimensionError' });
    const short = collect(from([0, 1, 2].flatMap((s) => snapshot(s, [0, 1], 2))).pipe(traceDiagnostics()));
    expect(String(short.error)).toMatch(/'iterations' must be an integer >= 4.*got 3/);
  });

  it('rejects a fromStep that is not an integer when created', () => {
    expect(() => traceDiagnostics({ fromStep: 1.5 })).toThrow(/traceDiagnostics: 'fromStep' must be an integer, got 1.5/);
  });
});
