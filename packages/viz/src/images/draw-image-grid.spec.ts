import { describe, expect, it } from 'vitest';
import { blank, pixelAt } from '../testing/pixels.js';
import { drawImageGrid } from './draw-image-grid.js';

describe('drawImageGrid', () => {
  it('draws images in [-1, 1] as black .. white cells of a grid', () => {
    const { ctx } = blank(100, 50);
    // Two 2 x 2 images: the first all -1 (black), the second white on top, black below.
    const pixels = new Float32Array([-1, -1, -1, -1, 1, 1, -1, -1]);
    drawImageGrid(ctx, { x: 0, y: 0, width: 100, height: 50 }, { pixels, height: 2, width: 2 }, { columns: 2, gap: 0 });
    // Cells are 48 x 48 (scale 24, whole pixels), centred: x from 2 to 98, y from 1 to 49.
    expect(pixelAt(ctx, 20, 25)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(ctx, 70, 10)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(ctx, 70, 40)).toEqual([0, 0, 0, 255]);
  });
});
