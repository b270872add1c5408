import type { Box, PixelData } from '@scoreflow/viz';

/** Test-only: pixels of `box` in a decoded image (`readImage`) whose RGB `match` accepts. */
export function countPixels(image: PixelData, box: Box, match: (r: number, g: number, b: number) => boolean): number {
  let count = 0;
  for (let y = Math.max(0, Math.round(box.y)); y < Math.min(image.height, Math.round(box.y + box.height)); y++) {
    for (let x = Math.max(0, Math.round(box.x)); x < Math.min(image.width, Math.round(box.x + box.width)); x++) {
      const p = 4 * (y * image.width + x);
      if (match(image.data[p], image.data[p + 1], image.data[p + 2])) count++;
    }
  }
  return count;
}

/** Test-only: whether a pixel differs from white by more than 8 in a channel. */
export const isInk = (r: number, g: number, b: number): boolean => r < 247 || g < 247 || b < 247;

/** Test-only: a matcher for one colour, within `tolerance` per channel. */
export const near =
  (rgb: readonly [number, number, number], tolerance = 6) =>
  (r: number, g: number, b: number): boolean =>
    Math.abs(r - rgb[0]) <= tolerance && Math.abs(g - rgb[1]) <= tolerance && Math.abs(b - rgb[2]) <= tolerance;
