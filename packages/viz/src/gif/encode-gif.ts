import { gifenc } from './gifenc.js';
import { GREYS, allGrey, greyIndices } from './grey-palette.js';

/** An RGBA frame: `ImageData`, or anything with its width, height and bytes. */
export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** Options of `encodeGif`. */
export interface GifOptions {
  /** Time per frame in milliseconds (GIF stores hundredths); 80 by default. */
  readonly delay?: number;
  /** Delay of the last frame (a pause before the loop restarts); `delay` by default. */
  readonly lastDelay?: number;
  /** Loops: 0 forever (default), -1 once, n > 0 that many times. */
  readonly repeat?: number;
  /** Palette size, 2-256; 256 by default (then frames drawn in greys only get the 256 greys). */
  readonly colours?: number;
}

/** Frames whose pixels the global palette is quantised from: at most this many, spread evenly. */
const PALETTE_FRAMES = 8;

/**
 * Encodes frames of one size into an animated GIF with gifenc. Palette choice: one global
 * palette, quantised (PNN, rgb565) from every 4th pixel of up to 8 frames spread over the
 * animation, and written once: frames of a figure share axes and colours, so one palette fits
 * them all, the file carries no per-frame colour tables and a colour never flickers between
 * frames. Each frame is then mapped to its nearest palette colours. Frames drawn in greys only
 * (images of one channel, grey titles) get the 256 greys instead, each pixel its own level: the
 * rgb565 bins would leave about 64 levels.
 *
 * @example
 * const bytes = encodeGif(frames, { delay: 80 });
 */
export function encodeGif(frames: readonly RgbaFrame[], options: GifOptions = {}): Uint8Array {
  if (frames.length === 0) throw new RangeError('encodeGif: no frames.');
  const { width, height } = frames[0];
  frames.forEach((frame, k) => {
    if (frame.width !== width || frame.height !== height) {
      throw new RangeError(`encodeGif: frame ${k} is ${frame.width} x ${frame.height}, frame 0 is ${width} x ${height}.`);
    }
  });
  const grey = options.colours === undefined && allGrey(frames);
  const palette = grey ? GREYS : gifenc.quantize(sampleOf(frames), Math.min(256, Math.max(2, options.colours ?? 256)), { format: 'rgb565' });
  const encoder = gifenc.GIFEncoder();
  const delay = options.delay ?? 80;
  frames.forEach((frame, k) => {
    const index = grey ? greyIndices(frame) : gifenc.applyPalette(frame.data, palette, 'rgb565');
    const last = k === frames.length - 1;
    encoder.writeFrame(index, width, height, {
      palette: k === 0 ? palette : undefined,
      delay: last ? (options.lastDelay ?? delay) : delay,
      repeat: options.repeat ?? 0,
    });
  });
  encoder.finish();
  return encoder.bytes();
}

/** Every 4th pixel of up to `PALETTE_FRAMES` evenly spread frames, as one RGBA buffer. */
function sampleOf(frames: readonly RgbaFrame[]): Uint8Array {
  const count = Math.min(PALETTE_FRAMES, frames.length);
  const chosen = Array.from({ length: count }, (_, k) => frames[Math.round((k * (frames.length - 1)) / Math.max(1, count - 1))]);
  const pixels = frames[0].width * frames[0].height;
  const perFrame = Math.ceil(pixels / 4);
  const sample = new Uint8Array(4 * perFrame * count);
  let at = 0;
  for (const frame of chosen) {
    for (let p = 0; p < pixels; p += 4, at += 4) {
      sample[at] = frame.data[4 * p];
      sample[at + 1] = frame.data[4 * p + 1];
      sample[at + 2] = frame.data[4 * p + 2];
      sample[at + 3] = frame.data[4 * p + 3];
    }
  }
  return sample.subarray(0, at);
}
