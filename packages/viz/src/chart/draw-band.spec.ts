import { describe, expect, it } from 'vitest';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, pixelAt } from '../testing/pixels.js';
import { drawBand } from './draw-band.js';

const grey = (rgba: number[]) => rgba[0] < 250 && rgba[0] === rgba[1] && rgba[1] === rgba[2];

describe('drawBand(ctx, frame, band)', () => {
  it('shades between lo and hi along x, and nothing beyond', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 2], y: [-1, 1] });
    drawBand(ctx, frame, { x: [0, 2], lo: [-0.2, -0.6], hi: [0.2, 0.6] });
    expect(grey(pixelAt(ctx, frame.x(1), frame.y(0)))).toBe(true);
    expect(grey(pixelAt(ctx, frame.x(1.9), frame.y(0.5)))).toBe(true);
    expect(pixelAt(ctx, frame.x(0.1), frame.y(0.5))).toEqual([255, 255, 255, 255]);
    expect(pixelAt(ctx, frame.x(1), frame.y(-0.9))).toEqual([255, 255, 255, 255]);
  });

  it('draws a band of one x across the whole frame, and a lo that a log axis cannot show at the bottom', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 10], y: [1e-3, 1], yLog: true });
    drawBand(ctx, frame, { x: [5], lo: [-1], hi: [0.01] });
    expect(grey(pixelAt(ctx, frame.inner.x + 2, frame.y(0.005)))).toBe(true);
    expect(grey(pixelAt(ctx, frame.inner.x + frame.inner.width - 2, frame.inner.y + frame.inner.height - 2))).toBe(true);
    expect(pixelAt(ctx, frame.x(5), frame.y(0.1))).toEqual([255, 255, 255, 255]);
  });
});
