import { writeFile } from 'node:fs/promises';
import type { Canvas } from '@napi-rs/canvas';
import { type GifOptions, type RgbaFrame, encodeGif } from '../gif/encode-gif.js';

/** The RGBA pixels of a canvas (or a frame as it is). */
export function rgbaOf(frame: RgbaFrame | Canvas): RgbaFrame {
  if (!('getContext' in frame)) return frame;
  const image = frame.getContext('2d').getImageData(0, 0, frame.width, frame.height);
  return { width: image.width, height: image.height, data: image.data as Uint8ClampedArray };
}

/**
 * Encodes frames (canvases or RGBA images of one size) as an animated GIF (`encodeGif`: one
 * global palette) and writes it to `path`; resolves to the number of bytes written.
 */
export async function saveGif(frames: readonly (RgbaFrame | Canvas)[], path: string, options: GifOptions = {}): Promise<number> {
  const bytes = encodeGif(frames.map(rgbaOf), options);
  await writeFile(path, bytes);
  return bytes.length;
}
