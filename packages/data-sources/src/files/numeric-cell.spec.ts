import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseLabel } from './numeric-cell.js';

describe('parseCoordinate(text)', () => {
  it('reads numbers as JavaScript does, spaces allowed', () => {
    expect(['1', ' -2.5 ', '1e-3', '+4', '.5'].map(parseCoordinate)).toEqual([1, -2.5, 0.001, 4, 0.5]);
  });

  it('names each problem', () => {
    expect(parseCoordinate('')).toBe('empty cell (expected a number)');
    expect(parseCoordinate('  ')).toBe('empty cell (expected a number)');
    expect(parseCoordinate('1,5')).toBe("non-numeric cell '1,5' (expected a number)");
    expect(parseCoordinate('nan')).toBe("NaN cell 'nan' (coordinates must be finite numbers)");
    expect(parseCoordinate('-Infinity')).toBe("infinite cell '-Infinity' (coordinates must be finite numbers)");
    expect(parseCoordinate('4e38')).toBe("cell '4e38' is outside the Float32 range (about ±3.4e38)");
  });
});

describe('parseLabel(text)', () => {
  it('reads Int32 integers and names the problem otherwise', () => {
    expect(['0', ' 7', '-3'].map(parseLabel)).toEqual([0, 7, -3]);
    expect(parseLabel('1.5')).toBe("label cell '1.5' is not an integer");
    expect(parseLabel('')).toBe("label cell '' is not an integer");
    expect(parseLabel('3000000000')).toBe("label cell '3000000000' is outside the Int32 range");
  });
});
