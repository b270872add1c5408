import type { Box, Context2D } from '../context.js';
import { fitText } from './fit-text.js';

/** Options of `drawTitle`. */
export interface TitleOptions {
  /** Font size in pixels (bold); 14 by default. It shrinks down to 10, then the end is cut with `…`. */
  readonly size?: number;
  /** Space kept free at the box's left and right edges, in pixels; 12 by default. */
  readonly inset?: number;
  /** Distance of the text's top from the box's top; 8 by default. */
  readonly top?: number;
  readonly colour?: string;
}

/**
 * Draws a title over a whole figure (or any box): bold, centred, its top `top` pixels below the
 * box's top, fitted (`fitText`) between insets at both edges, so it never touches or leaves the
 * canvas. Returns the text drawn.
 *
 * @example
 * drawTitle(ctx, { x: 0, y: 0, width: canvas.width, height: canvas.height }, 'metrics against t');
 */
export function drawTitle(ctx: Context2D, box: Box, title: string, options: TitleOptions = {}): string {
  const inset = options.inset ?? 12;
  ctx.save();
  const fitted = fitText(ctx, title, box.width - 2 * inset, { size: options.size ?? 14, weight: 'bold' });
  ctx.fillStyle = options.colour ?? '#222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(fitted.text, box.x + box.width / 2, box.y + (options.top ?? 8));
  ctx.restore();
  return fitted.text;
}
