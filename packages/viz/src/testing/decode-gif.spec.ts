import { describe, expect, it } from 'vitest';
import { encodeGif } from '../gif/encode-gif.js';
import { decodeGif } from './decode-gif.js';

/** A w x h RGBA frame whose pixel (x, y) is `colour(x, y)`. */
function frameOf(w: number, h: number, colour: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(4 * w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([...colour(x, y), 255], 4 * (y * w + x));
  return { width: w, height: h, data };
}

describe('decodeGif (test helper)', () => {
  it('decodes what encodeGif wrote, pixel for pixel, with its delays', () => {
    // Four colours far apart (each its own rgb565 bin, so the palette holds them exactly), in
    // patterns long enough for the LZW table to grow past 12 bits and be cleared.
    const colours: [number, number, number][] = [[0, 0, 0], [255, 255, 255], [200, 40, 40], [128, 128, 128]];
    const frames = [
      frameOf(97, 83, (x, y) => colours[(x * 7 + y * 13 + ((x * y) >> 3)) % 4]),
      frameOf(97, 83, (x) => colours[(x >> 4) % 4]),
    ];
    const gif = decodeGif(encodeGif(frames, { delay: 50, lastDelay: 700 }));
    expect([gif.width, gif.height, gif.frames.length]).toEqual([97, 83, 2]);
    expect(gif.frames.map((frame) => frame.delay)).toEqual([50, 700]);
    gif.frames.forEach((frame, k) => expect(frame.data).toEqual(frames[k].data));
  });

  it('rejects what is not a GIF', () => {
    expect(() => decodeGif(new TextEncoder().encode('PNG, not a GIF'))).toThrow(/not a GIF/);
  });
});
