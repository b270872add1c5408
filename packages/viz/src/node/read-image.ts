import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { PixelData } from '../context.js';

/**
 * The RGBA pixels of a PNG or GIF file (a GIF's first frame), decoded by @napi-rs/canvas (Skia):
 * for tests that check what a written figure shows.
 *
 * @example
 * const { width, height, data } = await readImage('out/final.png');
 */
export async function readImage(path: string): Promise<PixelData> {
  const image = await loadImage(await readFile(path));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { width, height, data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width, height, data };
}
