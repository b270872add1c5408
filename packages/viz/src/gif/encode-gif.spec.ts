import { describe, expect, it } from 'vitest';
import { encodeGif } from './encode-gif.js';
import { decodeGif } from '../testing/decode-gif.js';
import { readGifInfo } from './read-gif-info.js';

const frame = (width: number, height: number, shade: number) => {
  const data = new Uint8ClampedArray(4 * width * height);
  for (let p = 0; p < data.length; p += 4) data.set([shade, 255 - shade, (p / 4) % 256, 255], p);
  return { width, height, data };
};

describe('encodeGif', () => {
  it('writes one image descriptor per frame, the logical screen size and the delays', () => {
    const frames = Array.from({ length: 12 }, (_, k) => frame(48, 32, k * 20));
    const info = readGifInfo(encodeGif(frames, { delay: 80, lastDelay: 1000 }));
    expect(info).toMatchObject({ width: 48, height: 32, frames: 12 });
    expect(info.delays.slice(0, 11).every((d) => d === 80)).toBe(true);
    expect(info.delays[11]).toBe(1000);
  });

  it('keeps every grey level of frames drawn in greys (the 256 greys as the palette), and quantises colour frames', () => {
    const ramp = (width: number) => {
      const data = new Uint8ClampedArray(4 * width * 2);
      for (let p = 0; p < 2 * width; p++) data.set([p % 256, p % 256, p % 256, 255], 4 * p);
      return { width, height: 2, data };
    };
    const grey = decodeGif(encodeGif([ramp(256), ramp(256)]));
    expect(grey.palette).toHaveLength(3 * 256);
    expect(grey.frames[1].data).toEqual(ramp(256).data);
    const colour = decodeGif(encodeGif([frame(48, 32, 40)]));
    expect(new Set(colour.frames[0].data.filter((_, i) => i % 4 === 1)).size).toBeLessThan(256);
  });

  it('rejects no frames and frames of different sizes', () => {
    expect(() => encodeGif([])).toThrow(/no frames/);
    expect(() => encodeGif([frame(4, 4, 0), frame(4, 5, 0)])).toThrow(/frame 1 is 4 x 5, frame 0 is 4 x 4/);
  });
});

describe('readGifInfo', () => {
  it('rejects what is not a GIF', () => {
    expect(() => readGifInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toThrow(/not a GIF/);
  });
});
