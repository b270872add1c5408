import type { Box, Context2D } from '../context.js';

/**
 * A box in device pixels. `getImageData` and `putImageData` ignore the context's transform, so a
 * raster layer maps canvas (CSS) pixels through it itself: device = scale * css + offset. In a
 * browser the gallery scales the context by devicePixelRatio; in node the transform is the identity.
 */
export interface DeviceRegion {
  /** Left, top, width and height in whole device pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Device pixels per canvas pixel, horizontally and vertically. */
  readonly scaleX: number;
  readonly scaleY: number;
  /** Device position of canvas position 0, horizontally and vertically. */
  readonly offsetX: number;
  readonly offsetY: number;
}

/** The device region of `box` under the context's current transform (scaling and translation only). */
export function deviceRegion(ctx: Context2D, box: Box): DeviceRegion {
  const { a, b, c, d, e, f } = ctx.getTransform();
  if (b !== 0 || c !== 0) throw new RangeError('Raster layers need a context transform without rotation or skew.');
  const x0 = Math.round(a * box.x + e);
  const y0 = Math.round(d * box.y + f);
  const x1 = Math.round(a * (box.x + box.width) + e);
  const y1 = Math.round(d * (box.y + box.height) + f);
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), scaleX: a, scaleY: d, offsetX: e, offsetY: f };
}
