import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat-bytes.js';

describe('concatBytes(chunks)', () => {
  it('joins the chunks in order into a new buffer', () => {
    const first = new Uint8Array([1, 2]);
    const joined = concatBytes([first, new Uint8Array(0), new Uint8Array([3, 4, 5])]);
    expect([...joined]).toEqual([1, 2, 3, 4, 5]);
    joined[0] = 9;
    expect(first[0]).toBe(1);
    expect(concatBytes([])).toHaveLength(0);
  });
});
