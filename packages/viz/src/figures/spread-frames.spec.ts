import { describe, expect, it } from 'vitest';
import { spreadFrames } from './spread-frames.js';

describe('spreadFrames(all, count)', () => {
  const eleven = Array.from({ length: 11 }, (_, k) => k);

  it('keeps the first and the last, evenly spread between', () => {
    expect(spreadFrames(eleven, 3)).toEqual([0, 5, 10]);
    expect(spreadFrames(eleven, 2)).toEqual([0, 10]);
  });

  it('keeps every element when there are no more than count, and one of one', () => {
    expect(spreadFrames(eleven, 60)).toEqual(eleven);
    expect(spreadFrames([7], 60)).toEqual([7]);
    expect(spreadFrames([], 5)).toEqual([]);
  });
});
