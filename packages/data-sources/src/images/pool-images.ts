/**
 * Average-pools unsigned-byte images by `factor` x `factor` blocks and scales them to [-1, 1]:
 * output pixel (r, c) of an image is m / 127.5 - 1, where m is the mean of input pixels
 * (factor r + i, factor c + j), 0 <= i, j < factor; so 0 maps to -1 and 255 to 1. `pixels`
 * holds `count` images of `height` x `width` bytes, row-major; `out` receives `count` images of
 * (height / factor) x (width / factor) values, row-major. `factor` must divide both sides;
 * factor 1 only scales.
 *
 * @example
 * // One 2x2 image pooled to 1x1: mean(0, 255, 255, 0) = 127.5 -> 0.
 * poolImages(Uint8Array.of(0, 255, 255, 0), 1, 2, 2, 2, out); // out[0] === 0
 */
export function poolImages(pixels: Uint8Array, count: number, height: number, width: number, factor: number, out: Float32Array): Float32Array {
  if (!Number.isInteger(factor) || factor < 1 || height % factor !== 0 || width % factor !== 0) {
    throw new RangeError(`poolImages: factor must be an integer >= 1 dividing ${height} and ${width}, got ${factor}.`);
  }
  const rows = height / factor;
  const columns = width / factor;
  const scale = 1 / (127.5 * factor * factor);
  for (let n = 0; n < count; n++) {
    const image = n * height * width;
    const pooled = n * rows * columns;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        let sum = 0;
        for (let i = 0; i < factor; i++) {
          const start = image + (r * factor + i) * width + c * factor;
          for (let j = 0; j < factor; j++) sum += pixels[start + j];
        }
        out[pooled + r * columns + c] = sum * scale - 1;
      }
    }
  }
  return out;
}
