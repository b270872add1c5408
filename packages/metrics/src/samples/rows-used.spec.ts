import { describe, expect, it } from 'vitest';
import { rowSettings, rowsUsed } from './rows-used.js';

describe('rowSettings and rowsUsed', () => {
  it('name the row settings after the prefix and count the strided rows of each sample', () => {
    expect(rowSettings('sw2')).toEqual(['sw2Rows', 'sw2ReferenceRows']);
    expect(rowsUsed('energy', new Float32Array(2 * 5), new Float32Array(2 * 3), 2, 4)).toEqual({ energyRows: 4, energyReferenceRows: 3 });
    expect(rowsUsed('sw2', new Float32Array(7), new Float32Array(9), 1, Infinity)).toEqual({ sw2Rows: 7, sw2ReferenceRows: 9 });
  });
});
