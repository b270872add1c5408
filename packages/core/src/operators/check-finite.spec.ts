import { from, lastValueFrom, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { idsOf } from '../batch/accessors.js';
import { makeParticleBatch } from '../batch/particle-batch.js';
import { NonFiniteError } from '../errors/non-finite-error.js';
import { checkFinite } from './check-finite.js';

const batch = (x: number[], id: number) => makeParticleBatch({ x: Float32Array.from(x), dim: 2, id, step: 0, t: 100 });

describe('checkFinite(name)', () => {
  it('passes finite batches on unchanged', async () => {
    const batches = [batch([0, 1, 2, 3], 0), batch([4, 5], 2)];
    const out = await lastValueFrom(from(batches).pipe(checkFinite('prior'), toArray()));
    expect(out).toHaveLength(2);
    out.forEach((b, i) => expect(b).toBe(batches[i]));
  });

  it('errors naming the source, the step, t and the particle before the batch goes on', async () => {
    const seen: number[] = [];
    const error = await lastValueFrom(
      from([batch([0, 1], 0), batch([0, 1, 2, Number.POSITIVE_INFINITY], 1)]).pipe(
        checkFinite('prior'),
        tap((b) => seen.push(idsOf(b)[0])),
        toArray(),
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as NonFiniteError).producer).toBe('source');
    expect((error as Error).message).toMatch(/^Source 'prior' produced a non-finite position \(NaN or infinity\) at step 0, t = 100, particle id 2\./);
    expect(seen).toEqual([0]); // the bad batch never went on
  });
});
