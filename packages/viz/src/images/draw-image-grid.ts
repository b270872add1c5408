import type { Box, Context2D, Domain } from '../context.js';
import { deviceRegion } from '../raster/device-region.js';

/**
 * Images as particles: n images of height * width pixels (times `channels`), row-major, each
 * particle one image (dim = height * width * channels), values in `range` ([-1, 1] by default,
 * as diffusion models scale pixels).
 */
export interface ImageSet {
  readonly pixels: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  /** 1 (grey, default) or 3 (RGB, interleaved). */
  readonly channels?: 1 | 3;
  readonly range?: Domain;
}

/** Options of `drawImageGrid`. */
export interface ImageGridOptions {
  /** Images per row; about the square root of the count by default. */
  readonly columns?: number;
  /** At most this many images (the first ones); all by default. */
  readonly count?: number;
  /** Gap between images in canvas pixels; 2 by default. */
  readonly gap?: number;
}

/**
 * Draws images as a grid filling `box` (nearest-neighbour scaled, square pixels, centred), with
 * one getImageData / putImageData over the box. The range maps to black .. white; values outside
 * it are clipped.
 *
 * @example
 * drawImageGrid(ctx, { x: 0, y: 0, width: 480, height: 480 }, { pixels: positionsOf(batch), height: 28, width: 28 });
 */
export function drawImageGrid(ctx: Context2D, box: Box, images: ImageSet, options: ImageGridOptions = {}): void {
  const { height, width } = images;
  const channels = images.channels ?? 1;
  const size = height * width * channels;
  if (!(size > 0)) throw new RangeError(`drawImageGrid: images of ${height} x ${width} x ${channels} pixels.`);
  const n = Math.min(Math.floor(images.pixels.length / size), options.count ?? Infinity);
  if (n === 0) return;
  const region = deviceRegion(ctx, box);
  const gap = Math.round((options.gap ?? 2) * Math.abs(region.scaleX));
  const columns = Math.max(1, Math.min(n, options.columns ?? Math.ceil(Math.sqrt(n))));
  const rows = Math.ceil(n / columns);
  const scale = Math.min((region.width - gap * (columns - 1)) / (columns * width), (region.height - gap * (rows - 1)) / (rows * height));
  if (!(scale > 0)) return;
  const cellW = Math.floor(width * scale);
  const cellH = Math.floor(height * scale);
  const left = Math.floor((region.width - columns * cellW - (columns - 1) * gap) / 2);
  const top = Math.floor((region.height - rows * cellH - (rows - 1) * gap) / 2);
  const [lo, hi] = images.range ?? [-1, 1];
  const k = 255 / (hi - lo);
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;
  for (let m = 0; m < n; m++) {
    const x0 = left + (m % columns) * (cellW + gap);
    const y0 = top + Math.floor(m / columns) * (cellH + gap);
    for (let py = 0; py < cellH; py++) {
      const sy = Math.min(height - 1, Math.floor(py / scale));
      for (let px = 0; px < cellW; px++) {
        const sx = Math.min(width - 1, Math.floor(px / scale));
        const from = m * size + (sy * width + sx) * channels;
        const to = 4 * ((y0 + py) * region.width + x0 + px);
        for (let c = 0; c < 3; c++) {
          const v = (images.pixels[from + (channels === 3 ? c : 0)] - lo) * k;
          data[to + c] = v < 0 ? 0 : v > 255 ? 255 : v;
        }
        data[to + 3] = 255;
      }
    }
  }
  ctx.putImageData(image, region.x, region.y);
}
