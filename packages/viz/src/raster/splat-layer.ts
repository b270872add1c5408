import type { Box, Context2D } from '../context.js';
import { type DeviceRegion, deviceRegion } from './device-region.js';

/**
 * An accumulation buffer over a region of the canvas: per device pixel the number of marks that
 * hit it and the sums of their red, green and blue (`sums[4p .. 4p + 3]`). Drawing a million
 * points is one pass of additions here and one `putImageData`, instead of a million paths.
 */
export interface SplatLayer {
  readonly region: DeviceRegion;
  readonly sums: Float32Array;
}

/** An empty layer over `box` (canvas pixels). */
export function createSplatLayer(ctx: Context2D, box: Box): SplatLayer {
  const region = deviceRegion(ctx, box);
  return { region, sums: new Float32Array(4 * region.width * region.height) };
}

/**
 * Composites a layer over what the canvas holds: a pixel hit c times takes the mean colour of its
 * marks with alpha 1 - (1 - opacity)^c, as c marks of that opacity drawn over each other would,
 * so dense regions saturate and sparse ones stay light (density-aware). One getImageData and one
 * putImageData.
 */
export function compositeSplats(ctx: Context2D, layer: SplatLayer, opacity: number): void {
  const { region, sums } = layer;
  if (region.width === 0 || region.height === 0) return;
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;
  const keep = Math.log1p(-Math.min(Math.max(opacity, 0), 1 - 1e-9));
  for (let p = 0; p < sums.length; p += 4) {
    const count = sums[p];
    if (count === 0) continue;
    // "over" with straight alpha: a = alpha + a_bg (1 - alpha), c = (c_marks alpha + c_bg a_bg (1 - alpha)) / a.
    const alpha = 1 - Math.exp(keep * count);
    const under = (data[p + 3] / 255) * (1 - alpha);
    const total = alpha + under;
    const mark = alpha / count / total;
    const back = under / total;
    data[p] = sums[p + 1] * mark + data[p] * back;
    data[p + 1] = sums[p + 2] * mark + data[p + 1] * back;
    data[p + 2] = sums[p + 3] * mark + data[p + 2] * back;
    data[p + 3] = 255 * total;
  }
  ctx.putImageData(image, region.x, region.y);
}

/**
 * The opacity at which the pixels of a layer hit most often (the 99th percentile of the counts of
 * pixels hit at all) reach alpha 0.95: 1 - 0.05^(1 / c99), kept within [0.02, 0.9]. A few points
 * draw almost opaque; a dense cloud shows its density.
 */
export function autoOpacity(layer: SplatLayer): number {
  let most = 0;
  for (let p = 0; p < layer.sums.length; p += 4) most = Math.max(most, layer.sums[p]);
  if (most === 0) return 0.9;
  // Counts are whole numbers: a histogram finds the percentile without sorting.
  const top = Math.min(Math.ceil(most), 1 << 16);
  const histogram = new Uint32Array(top + 1);
  let hit = 0;
  for (let p = 0; p < layer.sums.length; p += 4) {
    if (layer.sums[p] === 0) continue;
    histogram[Math.min(top, Math.round(layer.sums[p]))]++;
    hit++;
  }
  let c99 = top;
  for (let c = 0, seen = 0; c <= top; c++) {
    seen += histogram[c];
    if (seen >= 0.99 * hit) {
      c99 = Math.max(1, c);
      break;
    }
  }
  return Math.min(0.9, Math.max(0.02, 1 - Math.pow(0.05, 1 / c99)));
}
