import { describe, expect, it } from 'vitest';
import { gotCell, parseCoordinate, parseLabel } from './numeric-cell.js';

describe('parseCoordinate(text)', () => {
  it('reads numbers as JavaScript does, spaces allowed', () => {
    expect(['1', ' -2.5 ', '1e-3', '+4', '.5'].map(parseCoordinate)).toEqual([1, -2.5, 0.001, 4, 0.5]);
  });

  it('names each problem', () => {
    expect(parseCoordinate('')).toBe('empty cell: expected a number');
    expect(parseCoordinate('  ')).toBe('empty cell: expected a number');
    expect(parseCoordinate('1,5')).toBe("non-numeric cell: expected a number, got '1,5'");
    expect(parseCoordinate('nan')).toBe("NaN cell: coordinates must be finite numbers, got 'nan'");
    expect(parseCoordinate('-Infinity')).toBe("infinite cell: coordinates must be finite numbers, got '-Infinity'");
    expect(parseCoordinate('4e38')).toBe("cell outside the Float32 range (about ±3.4e38), got '4e38'");
  });
});

describe('gotCell(text)', () => {
  it('quotes a cell whole up to 60 characters, a longer one by its first 60, `…` and its length', () => {
    expect(gotCell('abc')).toBe("got 'abc'");
    expect(gotCell('y'.repeat(60))).toBe(`got '${'y'.repeat(60)}'`);
    expect(gotCell('y'.repeat(1_000_000))).toBe(`got '${'y'.repeat(60)}…' (1000000 characters)`);
    expect(parseCoordinate(`1${'0'.repeat(999_999)}x`)).toBe(`non-numeric cell: expected a number, got '1${'0'.repeat(59)}…' (1000001 characters)`);
  });
});

describe('parseLabel(text)', () => {
  it('reads Int32 integers and names the problem otherwise', () => {
    expect(['0', ' 7', '-3'].map(parseLabel)).toEqual([0, 7, -3]);
    expect(parseLabel('1.5')).toBe("label cell: expected an integer, got '1.5'");
    expect(parseLabel('')).toBe("label cell: expected an integer, got ''");
    expect(parseLabel('3000000000')).toBe("label cell outside the Int32 range, got '3000000000'");
  });
});
