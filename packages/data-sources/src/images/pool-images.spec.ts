import { describe, expect, it } from 'vitest';
import { poolImages } from './pool-images.js';

describe('poolImages(pixels, count, height, width, factor, out)', () => {
  it('with factor 1 scales 0..255 to -1..1: p / 127.5 - 1', () => {
    const out = poolImages(Uint8Array.of(0, 51, 255, 127), 1, 2, 2, 1, new Float32Array(4));
    expect(out).toEqual(Float32Array.of(-1, 51 / 127.5 - 1, 1, 127 / 127.5 - 1));
  });

  it('with factor 2 averages each 2x2 block, row-major, image by image', () => {
    // Two 4x4 images; the first has blocks of means 1, 2.5 / 100, 255, the second is its complement.
    const first = [0, 2, 1, 4, 2, 0, 2, 3, 100, 100, 255, 255, 100, 100, 255, 255];
    const pixels = Uint8Array.from([...first, ...first.map((p) => 255 - p)]);
    const out = poolImages(pixels, 2, 4, 4, 2, new Float32Array(8));
    const scaled = (mean: number) => Math.fround(mean / 127.5 - 1);
    expect(Array.from(out.subarray(0, 4))).toEqual([1, 2.5, 100, 255].map(scaled));
    expect(Array.from(out.subarray(4))).toEqual([254, 252.5, 155, 0].map(scaled));
  });

  it('pools non-square images by any factor dividing both sides', () => {
    const pixels = Uint8Array.from({ length: 6 * 9 }, (_, k) => k);
    const out = poolImages(pixels, 1, 6, 9, 3, new Float32Array(6));
    // Block (0, 0): rows 0-2, columns 0-2: mean of k = 9r + c = 9 + 1 = 10.
    expect(out[0]).toBeCloseTo(10 / 127.5 - 1, 6);
    expect(out[5]).toBeCloseTo((9 * 4 + 7) / 127.5 - 1, 6);
  });

  it('rejects a factor that does not divide the sides', () => {
    expect(() => poolImages(new Uint8Array(28 * 28), 1, 28, 28, 3, new Float32Array(81))).toThrow(/factor must be an integer >= 1 dividing 28 and 28, got 3/);
  });
});
