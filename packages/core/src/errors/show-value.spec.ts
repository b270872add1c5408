import { describe, expect, it } from 'vitest';
import { showValue } from './show-value.js';

describe('showValue(value)', () => {
  it('quotes like JSON, but says Infinity, -Infinity and NaN where JSON says null', () => {
    expect(showValue(Infinity)).toBe('Infinity');
    expect(showValue(NaN)).toBe('NaN');
    expect(showValue({ g: -Infinity, x: [1, NaN] })).toBe('{"g":-Infinity,"x":[1,NaN]}');
    expect(showValue('Infinity')).toBe('"Infinity"');
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue(null)).toBe('null');
  });

  it('cuts long values to their first 60 characters and …', () => {
    expect(showValue('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(59)}…`);
    expect(showValue([1, 2])).toBe('[1,2]');
  });

  it('quotes values JSON cannot: cycles and lists nested too deep for the stack', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(showValue(cycle)).toBe('[object Object]');
    let deep: unknown[] = [];
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(showValue(deep)).toBe('…');
  });
});
