import { describe, expect, it } from 'vitest';
import { blank, inkIn } from '../testing/pixels.js';
import { drawAxes } from './draw-axes.js';
import { drawTitle } from './draw-title.js';
import { fitText } from './fit-text.js';
import { createPlotFrame } from './plot-frame.js';

const LONG = 'double-gaussian-reverse: stage 0 (euler-maruyama), step 1000, iteration of a rather long name';

describe('fitText(ctx, text, maxWidth)', () => {
  it('keeps a short text at its size, shrinks a longer one, and cuts what still does not fit with …', () => {
    const { ctx } = blank();
    expect(fitText(ctx, 'short', 200, { size: 14 })).toMatchObject({ text: 'short', size: 14 });
    const natural = fitText(ctx, 'a title of some length', 1000, { size: 14 }).width;
    const shrunk = fitText(ctx, 'a title of some length', natural - 10, { size: 14 });
    expect(shrunk.text).toBe('a title of some length');
    expect(shrunk.size).toBeLessThan(14);
    const cut = fitText(ctx, LONG, 150, { size: 14, minSize: 10 });
    expect(cut.text).toMatch(/^double-gaussian.*…$/);
    expect(cut.size).toBe(10);
    expect(cut.width).toBeLessThanOrEqual(150);
  });
});

describe('titles stay inside the canvas', () => {
  it('drawAxes keeps a long title 12 px inside the panel edges', () => {
    const { ctx } = blank(240, 200);
    const frame = createPlotFrame({ width: 240, height: 200, x: [0, 1], y: [0, 1], margin: { top: 30 } });
    drawAxes(ctx, frame, { title: LONG });
    const rows = { y: 0, height: frame.inner.y - 1 };
    expect(inkIn(ctx, { x: 20, ...rows, width: 200 })).toBeGreaterThan(50);
    expect(inkIn(ctx, { x: 0, ...rows, width: 10 })).toBe(0);
    expect(inkIn(ctx, { x: 230, ...rows, width: 10 })).toBe(0);
  });

  it('drawAxes never draws a title above the panel, even with the default top margin', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 1], y: [0, 1] });
    drawAxes(ctx, frame, { title: 'samples' });
    expect(inkIn(ctx, { x: 0, y: 0, width: 300, height: 1 })).toBe(0);
    expect(inkIn(ctx, { x: 100, y: 1, width: 100, height: frame.inner.y + 8 })).toBeGreaterThan(30);
  });

  it('drawTitle fits a figure title between insets of its box', () => {
    const { ctx } = blank(320, 60);
    expect(drawTitle(ctx, { x: 0, y: 0, width: 320, height: 60 }, LONG)).toMatch(/…$/);
    expect(inkIn(ctx, { x: 0, y: 0, width: 10, height: 60 }) + inkIn(ctx, { x: 310, y: 0, width: 10, height: 60 })).toBe(0);
    expect(inkIn(ctx, { x: 10, y: 0, width: 300, height: 30 })).toBeGreaterThan(100);
  });
});
