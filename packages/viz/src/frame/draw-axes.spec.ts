import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { blank, inkIn } from '../testing/pixels.js';
import { drawAxes } from './draw-axes.js';
import { createPlotFrame } from './plot-frame.js';

describe('drawAxes', () => {
  it('draws tick labels below the x axis and left of the y axis, in the shipped font', () => {
    const { ctx } = blank(300, 240);
    const frame = createPlotFrame({ width: 300, height: 240, x: [0, 10], y: [0, 1] });
    expect(GlobalFonts.has('DejaVu Sans')).toBe(true);
    const bottom = frame.inner.y + frame.inner.height;
    const below = { x: frame.inner.x, y: bottom + 8, width: frame.inner.width, height: 14 };
    const left = { x: 0, y: frame.inner.y, width: frame.inner.x - 6, height: frame.inner.height };
    expect(inkIn(ctx, below)).toBe(0);
    drawAxes(ctx, frame, { xLabel: 'x', yLabel: 'y', title: 'title' });
    expect(inkIn(ctx, below)).toBeGreaterThan(40);
    expect(inkIn(ctx, left)).toBeGreaterThan(40);
    // The inside of the plotting area stays empty.
    expect(inkIn(ctx, { x: frame.inner.x + 2, y: frame.inner.y + 2, width: frame.inner.width - 4, height: frame.inner.height - 4 })).toBe(0);
  });
});
