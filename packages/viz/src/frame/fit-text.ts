import type { Context2D } from '../context.js';
import { font } from './font.js';

/** Options of `fitText`. */
export interface FitTextOptions {
  /** Font size to start from, in pixels; 13 by default. */
  readonly size?: number;
  /** Smallest size it may shrink to; 10 by default. */
  readonly minSize?: number;
  readonly weight?: 'normal' | 'bold';
}

/** What `fitText` chose: the text (possibly shortened with `…`), its font and size, and its width. */
export interface FittedText {
  readonly text: string;
  readonly font: string;
  readonly size: number;
  readonly width: number;
}

/**
 * Fits one line of text into `maxWidth` pixels: it shrinks the font one pixel at a time from
 * `size` down to `minSize`, and if it is still too wide, cuts the end and adds `…` (keeping as
 * many characters as fit). Leaves the context's font set to the chosen one.
 *
 * @example
 * const fitted = fitText(ctx, 'a rather long title', 120, { size: 14, weight: 'bold' });
 * ctx.fillText(fitted.text, x, y);
 */
export function fitText(ctx: Context2D, text: string, maxWidth: number, options: FitTextOptions = {}): FittedText {
  const weight = options.weight ?? 'normal';
  const minSize = options.minSize ?? 10;
  let size = Math.max(minSize, options.size ?? 13);
  ctx.font = font(size, weight);
  while (size > minSize && ctx.measureText(text).width > maxWidth) ctx.font = font(--size, weight);
  let fitted = text;
  if (ctx.measureText(fitted).width > maxWidth) {
    // Binary search on the kept prefix: the longest `prefix…` that fits.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    fitted = `${text.slice(0, lo).trimEnd()}…`;
  }
  return { text: fitted, font: font(size, weight), size, width: ctx.measureText(fitted).width };
}
