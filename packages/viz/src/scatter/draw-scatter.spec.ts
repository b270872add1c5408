import { describe, expect, it } from 'vitest';
import { CATEGORICAL } from '../colour/categorical.js';
import { rgbOf } from '../colour/rgb.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, inkIn, isRed, pixelAt } from '../testing/pixels.js';
import { drawScatter } from './draw-scatter.js';

const frameOf = () => createPlotFrame({ width: 200, height: 200, x: [-2, 2], y: [-2, 2] });

describe('drawScatter', () => {
  it('colours the pixel at the scale position of a point and leaves regions without points blank', () => {
    const { ctx } = blank();
    const frame = frameOf();
    drawScatter(ctx, frame, new Float32Array([1, 1, 1, 1, 1, 1]), { colour: 'black', opacity: 1 });
    expect(pixelAt(ctx, frame.x(1), frame.y(1))).toEqual([0, 0, 0, 255]);
    // The lower-left quadrant (data x < 0, y < 0) holds no point.
    expect(inkIn(ctx, { x: frame.x(-2), y: frame.y(0), width: frame.x(0) - frame.x(-2), height: frame.y(-2) - frame.y(0) })).toBe(0);
  });

  it('builds up density: a pixel hit more often is darker', () => {
    const { ctx } = blank();
    const frame = frameOf();
    const points = [-1, -1, ...Array.from({ length: 10 }, () => [1, 1]).flat()];
    drawScatter(ctx, frame, new Float32Array(points), { colour: 'black', opacity: 0.2, radius: 0.5 });
    const once = pixelAt(ctx, frame.x(-1), frame.y(-1))[0];
    const often = pixelAt(ctx, frame.x(1), frame.y(1))[0];
    expect(once).toBeCloseTo(255 * 0.8, -1);
    expect(often).toBeCloseTo(255 * 0.8 ** 10, -1);
  });

  it('colours by label with the categorical scheme and by value with a colour map', () => {
    const { ctx } = blank();
    const frame = frameOf();
    drawScatter(ctx, frame, new Float32Array([-1, 0, 1, 0]), { colour: { by: 'label', labels: new Int32Array([0, 1]) }, opacity: 1 });
    expect(pixelAt(ctx, frame.x(-1), frame.y(0)).slice(0, 3)).toEqual([...rgbOf(CATEGORICAL[0])]);
    expect(pixelAt(ctx, frame.x(1), frame.y(0)).slice(0, 3)).toEqual([...rgbOf(CATEGORICAL[1])]);
    drawScatter(ctx, frame, new Float32Array([0, 1, 0, -1]), { colour: { by: 'value', values: [0, 1], map: (t) => (t < 0.5 ? 'blue' : 'lime') }, opacity: 1 });
    expect(pixelAt(ctx, frame.x(0), frame.y(1)).slice(0, 3)).toEqual([0, 0, 255]);
    expect(pixelAt(ctx, frame.x(0), frame.y(-1)).slice(0, 3)).toEqual([0, 255, 0]);
  });

  it('draws highlighted points red on top, and drops points outside the frame or not finite', () => {
    const { ctx } = blank();
    const frame = frameOf();
    drawScatter(ctx, frame, new Float32Array([0.5, -0.5, 5, 5, Number.NaN, 0]), { colour: 'black', highlight: { indices: [0] } });
    expect(isRed(pixelAt(ctx, frame.x(0.5), frame.y(-0.5)))).toBe(true);
    expect(inkIn(ctx, { x: frame.inner.x + frame.inner.width + 1, y: 0, width: 200 - frame.inner.x - frame.inner.width - 1, height: frame.inner.y })).toBe(0);
  });

  it('draws a million points', () => {
    const { ctx } = blank(480, 480);
    const frame = createPlotFrame({ width: 480, height: 480, x: [0, 1], y: [0, 1] });
    const points = new Float32Array(2_000_000);
    let seed = 1;
    for (let i = 0; i < points.length; i++) points[i] = (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    drawScatter(ctx, frame, points);
    expect(inkIn(ctx, frame.inner)).toBeGreaterThan(0.5 * frame.inner.width * frame.inner.height);
  });
});
