import { writeFile } from 'node:fs/promises';
import type { Canvas } from '@napi-rs/canvas';

/** Encodes a canvas as PNG and writes it to `path`; resolves to the number of bytes written. */
export async function savePng(canvas: Canvas, path: string): Promise<number> {
  const bytes = await canvas.encode('png');
  await writeFile(path, bytes);
  return bytes.length;
}
