import { EMPTY, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { collectAll } from './collect-all.js';

describe('collectAll(stream)', () => {
  it('resolves to every value in order, [] for an empty stream', async () => {
    expect(await collectAll(of(1, 2, 3))).toEqual([1, 2, 3]);
    expect(await collectAll(EMPTY)).toEqual([]);
  });

  it("rejects with the stream's error", async () => {
    await expect(collectAll(throwError(() => new RangeError('bad batch')))).rejects.toThrow('bad batch');
  });
});
