/** The bytes of an IDX file: big-endian magic and dimensions, then `data` (test helper). */
export function idxBytes(magic: number, dims: readonly number[], data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, k) => view.setUint32(4 + 4 * k, d, false));
  bytes.set(data, 4 + 4 * dims.length);
  return bytes;
}

/** Pixel (r, c) of test image n: (7n + 5r + 3c) mod 256, so every image differs. */
export const testPixel = (n: number, r: number, c: number): number => (7 * n + 5 * r + 3 * c) % 256;

/** `count` test images of height x width, row-major (test helper). */
export function testImages(count: number, height: number, width: number): Uint8Array {
  const data = new Uint8Array(count * height * width);
  for (let n = 0; n < count; n++) for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) data[(n * height + r) * width + c] = testPixel(n, r, c);
  return data;
}

/** Label of test image n: n mod 10. */
export const testLabels = (count: number): Uint8Array => Uint8Array.from({ length: count }, (_, n) => n % 10);
