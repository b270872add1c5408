/**
 * Writes frames of a GIF side by side as one PNG, to look at an animation (or show it where a GIF
 * will not do):
 *   npx tsx --conditions=development scripts/gif-strip.ts <in.gif> <out.png> [frame,frame,...]
 * Frames are numbered from 0; negative ones count from the end (-1 the last). By default five,
 * evenly spread (first and last included).
 */
import { readFileSync } from 'node:fs';
import { spreadFrames } from '../src/index.js';
import { createFigure, savePng } from '../src/node/index.js';
import { decodeGif } from '../src/testing/decode-gif.js';

const [input, output, list] = process.argv.slice(2);
if (input === undefined || output === undefined) throw new Error('usage: gif-strip.ts <in.gif> <out.png> [frame,frame,...]');
const gif = decodeGif(readFileSync(input));
const all = gif.frames.map((_, k) => k);
const chosen = list === undefined ? spreadFrames(all, 5) : list.split(',').map((k) => (Number(k) + all.length) % all.length);
const canvas = createFigure(gif.width * chosen.length, gif.height);
const ctx = canvas.getContext('2d');
chosen.forEach((k, i) => {
  const { data } = gif.frames[k];
  const image = ctx.createImageData(gif.width, gif.height);
  image.data.set(data);
  ctx.putImageData(image, i * gif.width, 0);
});
const bytes = await savePng(canvas, output);
console.log(`${output}: frames ${chosen.join(', ')} of ${gif.frames.length}, ${gif.width * chosen.length} x ${gif.height}, ${bytes} bytes`);
