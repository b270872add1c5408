import type { Box, Context2D } from '../context.js';
import { createFigure } from '../node/create-figure.js';

/** A white node canvas and its context, for pixel assertions. */
export function blank(width = 200, height = 200): { ctx: Context2D; canvas: ReturnType<typeof createFigure> } {
  const canvas = createFigure(width, height);
  return { canvas, ctx: canvas.getContext('2d') };
}

/** RGBA of the pixel at (x, y) (rounded down to whole pixels). */
export function pixelAt(ctx: Context2D, x: number, y: number): [number, number, number, number] {
  const { data } = ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1);
  return [data[0], data[1], data[2], data[3]];
}

/** Pixels in `box` that differ from white by more than `tolerance` in any channel. */
export function inkIn(ctx: Context2D, box: Box, tolerance = 8): number {
  const { data } = ctx.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height));
  let count = 0;
  for (let p = 0; p < data.length; p += 4) if (255 - data[p] > tolerance || 255 - data[p + 1] > tolerance || 255 - data[p + 2] > tolerance) count++;
  return count;
}

/** Whether a pixel is clearly red (r high, g and b low). */
export const isRed = ([r, g, b]: readonly number[]): boolean => r > 200 && g < 80 && b < 80;
