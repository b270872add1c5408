import { makeParticleBatch } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { pointsOf } from './points-of.js';
import { trajectoriesOf } from './trajectories-of.js';

const batch = (first: number, step: number, x: number[], label?: number[]) =>
  makeParticleBatch({ x: new Float32Array(x), dim: 2, id: first, step, t: step / 10, label: label && new Int32Array(label) });

describe('pointsOf', () => {
  it('returns one batch as views, and concatenates batches or picks one step', () => {
    const one = batch(0, 0, [1, 2, 3, 4], [0, 1]);
    const points = pointsOf(one);
    expect(points.positions.buffer).toBe(one.getChildAt(3)?.data[0].children[0].values.buffer);
    expect([...points.labels!]).toEqual([0, 1]);
    const table = { batches: [batch(0, 0, [1, 1]), batch(0, 5, [2, 2]), batch(1, 5, [3, 3])] };
    const step5 = pointsOf(table, { step: 5 });
    expect([...step5.positions]).toEqual([2, 2, 3, 3]);
    expect(step5.labels).toBeUndefined();
    expect([...step5.times]).toEqual([0.5, 0.5]);
  });
});

describe('trajectoriesOf', () => {
  it('orders snapshots by step and places particle ids below the count, NaN where missing', () => {
    const list = [batch(0, 10, [5, 5, 6, 6, 7, 7]), batch(0, 0, [1, 1, 2, 2, 3, 3]), batch(0, 20, [9, 9])];
    const paths = trajectoriesOf(list, 2);
    expect(paths).toMatchObject({ paths: 2, steps: 3, dim: 2 });
    expect([...paths.positions.subarray(0, 8)]).toEqual([1, 1, 2, 2, 5, 5, 6, 6]);
    expect([...paths.positions.subarray(8, 10)]).toEqual([9, 9]);
    expect(paths.positions[10]).toBeNaN();
    expect(Array.from(paths.times!, (t) => Math.round(t * 10) / 10)).toEqual([0, 1, 2]);
  });
});
