import { describe, expect, it } from 'vitest';
import { createPlotFrame } from './plot-frame.js';

describe('createPlotFrame', () => {
  it('maps the x domain onto the inner area left to right and the y domain bottom to top', () => {
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 10], y: [-1, 1], margin: { top: 10, right: 10, bottom: 30, left: 40 } });
    expect(frame.inner).toEqual({ x: 40, y: 10, width: 250, height: 160 });
    expect(frame.x(0)).toBe(40);
    expect(frame.x(10)).toBe(290);
    expect(frame.y(-1)).toBe(170);
    expect(frame.y(1)).toBe(10);
  });

  it('places a panel inside a box of a larger canvas', () => {
    const frame = createPlotFrame({ box: { x: 300, y: 0, width: 300, height: 200 }, x: [0, 1], y: [0, 1], margin: { left: 0, right: 0, top: 0, bottom: 0 } });
    expect(frame.x(0)).toBe(300);
    expect(frame.x(1)).toBe(600);
  });

  it('widens the shorter domain for an equal aspect', () => {
    const frame = createPlotFrame({ width: 200, height: 100, x: [-1, 1], y: [-1, 1], margin: { left: 0, right: 0, top: 0, bottom: 0 }, equalAspect: true });
    expect(frame.x.domain()).toEqual([-2, 2]);
    expect(frame.y.domain()).toEqual([-1, 1]);
  });

  it('makes log scales and rejects a non-positive log domain or a non-finite one', () => {
    const frame = createPlotFrame({ width: 200, height: 200, x: [1, 100], y: [1e-3, 1], xLog: true, yLog: true });
    expect(frame.x(10)).toBeCloseTo((frame.x(1) + frame.x(100)) / 2);
    expect(() => createPlotFrame({ width: 200, height: 200, x: [0, 1], y: [0, 1], yLog: true })).toThrow(/logarithmic y domain must be positive/);
    expect(() => createPlotFrame({ width: 200, height: 200, x: [0, Number.NaN], y: [0, 1] })).toThrow(/x domain must be finite/);
  });
});
