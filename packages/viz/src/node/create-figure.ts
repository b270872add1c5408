import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { registerShippedFont } from './register-font.js';

/** Options of `createFigure`. */
export interface FigureOptions {
  /** Fill colour of the whole canvas; `white` by default, `transparent` for none. */
  readonly background?: string;
}

/**
 * A node canvas (@napi-rs/canvas) of `width` x `height` pixels, filled with the background, with
 * the shipped font registered: draw on `canvas.getContext('2d')` with the viz functions, then
 * `savePng`.
 *
 * @example
 * const canvas = createFigure(480, 480);
 * const ctx = canvas.getContext('2d');
 * const frame = createPlotFrame({ width: 480, height: 480, x: [-4, 4], y: [-4, 4] });
 * drawScatter(ctx, frame, positions);
 * drawAxes(ctx, frame);
 * await savePng(canvas, 'scatter.png');
 */
export function createFigure(width: number, height: number, options: FigureOptions = {}): Canvas {
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
    throw new RangeError(`createFigure: width and height must be integers > 0, got ${width} x ${height}.`);
  }
  registerShippedFont();
  const canvas = createCanvas(width, height);
  const background = options.background ?? 'white';
  if (background !== 'transparent') {
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
  }
  return canvas;
}
