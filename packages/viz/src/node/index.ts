// @scoreflow/viz/node: figures as files, on @napi-rs/canvas.
export { type FigureOptions, createFigure } from './create-figure.js';
export { registerShippedFont } from './register-font.js';
export { savePng } from './save-png.js';
export { readImage } from './read-image.js';
export { rgbaOf, saveGif } from './save-gif.js';
export { type GifOptions, type RgbaFrame, encodeGif } from '../gif/encode-gif.js';
