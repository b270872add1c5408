import type { FigureCanvas } from '@scoreflow/core';
import type { Context2D } from '../context.js';

/** The 2-D context of a figure's canvas (a browser's or @napi-rs/canvas's), as the drawing functions take it. */
export const contextOf = (canvas: FigureCanvas): Context2D => canvas.getContext('2d') as Context2D;
