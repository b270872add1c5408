import { describe, expect, it } from 'vitest';
import { rgbOf } from '../colour/rgb.js';
import { blank, inkIn, pixelAt } from '../testing/pixels.js';
import { chainLegend } from './draw-chain-trace.js';
import { drawLegendRow } from './draw-legend.js';

describe('drawLegendRow(ctx, box, entries)', () => {
  it('draws the entries in one row inside the strip, and nothing outside it', () => {
    const { ctx } = blank(400, 60);
    const strip = { x: 0, y: 20, width: 400, height: 20 };
    const width = drawLegendRow(ctx, strip, [...chainLegend(3), { name: 'noise floor', colour: 'rgb(0, 160, 0)', swatch: 'band' }]);
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThan(400);
    expect(inkIn(ctx, strip)).toBeGreaterThan(200);
    expect(inkIn(ctx, { x: 0, y: 0, width: 400, height: 20 }) + inkIn(ctx, { x: 0, y: 40, width: 400, height: 20 })).toBe(0);
    // The band's swatch is a filled rectangle: its colour fills the strip's middle row somewhere.
    const row = ctx.getImageData(0, 30, 400, 1).data;
    let green = 0;
    for (let p = 0; p < row.length; p += 4) if (row[p] === 0 && row[p + 1] === 160 && row[p + 2] === 0) green++;
    expect(green).toBeGreaterThanOrEqual(16);
    // The first line sample is the colour of chain 0.
    const [r, g, b] = rgbOf(chainLegend(1)[0].colour);
    let found = false;
    for (let x = 0; x < 400 && !found; x++) found = pixelAt(ctx, x, 30).slice(0, 3).every((v, k) => Math.abs(v - [r, g, b][k]) < 3);
    expect(found).toBe(true);
  });

  it('shortens the names with … when the row is too narrow, and stays inside the strip', () => {
    const { ctx } = blank(200, 20);
    const width = drawLegendRow(ctx, { x: 0, y: 0, width: 200, height: 20 }, [
      { name: 'a rather long first name', colour: 'black' },
      { name: 'another long second name', colour: 'black' },
    ]);
    expect(width).toBeLessThanOrEqual(200 - 16);
    expect(inkIn(ctx, { x: 192, y: 0, width: 8, height: 20 })).toBe(0);
  });
});
