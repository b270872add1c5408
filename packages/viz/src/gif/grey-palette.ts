import type { RgbaFrame } from './encode-gif.js';
import type { Palette } from './gifenc.js';

/** The 256 greys (v, v, v), v = 0 .. 255: the palette of frames drawn in greys only. */
export const GREYS: Palette = Array.from({ length: 256 }, (_, v) => [v, v, v]);

/** Whether every pixel of every frame is a grey (red = green = blue): image grids of one channel with grey titles. */
export function allGrey(frames: readonly RgbaFrame[]): boolean {
  return frames.every(({ data }) => {
    for (let p = 0; p < data.length; p += 4) if (data[p] !== data[p + 1] || data[p] !== data[p + 2]) return false;
    return true;
  });
}

/** A grey frame's indices into `GREYS`: each pixel's own grey level, exactly. */
export function greyIndices({ data }: RgbaFrame): Uint8Array {
  const index = new Uint8Array(data.length / 4);
  for (let p = 0; p < index.length; p++) index[p] = data[4 * p];
  return index;
}
