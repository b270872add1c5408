import { describe, expect, it } from 'vitest';
import { vp } from '../vp.js';
import { timesGrid } from './times-grid.js';

const values = [1, 0.5, 0.1, 0.01];

describe('timesGrid', () => {
  it('timesGrid({ values }).times(sde, values.length - 1, last) returns the values, a fresh copy each call', () => {
    const grid = timesGrid({ values });
    const first = grid.times(vp(), 3, 0.01);
    expect(Array.from(first)).toEqual(values);
    first[1] = 7;
    expect(Array.from(grid.times(vp(), 3, 0.01, 1))).toEqual(values);
    expect(Array.from(timesGrid({ values: [0.8, 0] }).times(vp(), 1, 0))).toEqual([0.8, 0]);
  });

  it('checks the sampler arguments against the list, naming values and the expected count', () => {
    const grid = timesGrid({ values });
    expect(() => grid.times(vp(), 5, 0.01)).toThrow(/times grid: values holds 4 times, which is steps \+ 1 for steps = 3; the sampler asks for steps = 5 \(expected 6 values\)/);
    expect(() => grid.times(vp(), 3, 0)).toThrow(/times grid: values ends at 0.01 but tEnd is 0; set tEnd to 0.01/);
    expect(() => grid.times(vp(), 3, 0.01, 0.9)).toThrow(/times grid: values starts at 1 but tStart is 0.9/);
    expect(() => grid.times(vp({ T: 0.5 }), 3, 0.01)).toThrow(/times grid: values\[0\] \(1\) exceeds the end time T = 0.5 of vp/);
  });

  it('rejects lists that are not strictly decreasing, negative or too short, naming the entry', () => {
    expect(() => timesGrid({ values: [1, 0.5, 0.5, 0] })).toThrow(/timesGrid: values must be strictly decreasing, but values\[2\] \(0.5\) is not below values\[1\] \(0.5\)/);
    expect(() => timesGrid({ values: [1, -0.1] })).toThrow(/timesGrid: values\[1\] must be a finite number >= 0, got -0.1/);
    expect(() => timesGrid({ values: [1] })).toThrow(/timesGrid: values must be an array of at least 2 times, got 1/);
  });
});
