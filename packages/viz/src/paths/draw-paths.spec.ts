import { describe, expect, it } from 'vitest';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, inkIn, isRed, pixelAt } from '../testing/pixels.js';
import { drawPaths, endpoints } from './draw-paths.js';

describe('drawPaths', () => {
  // Two paths, three snapshots, snapshot-major: path 0 goes (-1, -1) -> (0, -1) -> (1, -1), path 1 stays near (0, 1).
  const positions = new Float32Array([-1, -1, 0, 1, 0, -1, 0.2, 1, 1, -1, Number.NaN, Number.NaN]);

  it('marks each start red and draws the lines between snapshots', () => {
    const { ctx } = blank();
    const frame = createPlotFrame({ width: 200, height: 200, x: [-2, 2], y: [-2, 2] });
    drawPaths(ctx, frame, { paths: 2, steps: 3, dim: 2, positions }, { colour: 'black' });
    expect(isRed(pixelAt(ctx, frame.x(-1), frame.y(-1)))).toBe(true);
    expect(isRed(pixelAt(ctx, frame.x(0), frame.y(1)))).toBe(true);
    const onLine = pixelAt(ctx, frame.x(0.5), frame.y(-1));
    expect(onLine[0]).toBeLessThan(128);
    expect(isRed(onLine)).toBe(false);
    expect(inkIn(ctx, { x: frame.x(-2) + 1, y: frame.y(-1.5), width: 30, height: 20 })).toBe(0);
  });

  it('finds the first and last finite point of each path', () => {
    const trajectories = { paths: 2, steps: 3, dim: 2, positions };
    expect([...endpoints(trajectories, 'first')]).toEqual([-1, -1, 0, 1]);
    expect([...endpoints(trajectories, 'last')].map((v) => Math.round(v * 10) / 10)).toEqual([1, -1, 0.2, 1]);
  });

  it('rejects positions of the wrong length', () => {
    const { ctx } = blank();
    const frame = createPlotFrame({ width: 200, height: 200, x: [-2, 2], y: [-2, 2] });
    expect(() => drawPaths(ctx, frame, { paths: 2, steps: 4, dim: 2, positions })).toThrow(/16 values expected, got 12/);
  });
});
