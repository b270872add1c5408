import { ConfigError, type FigureInput, type FigureSnapshot, createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { encodeGif } from '../gif/encode-gif.js';
import { readGifInfo } from '../gif/read-gif-info.js';
import { createFigure } from '../node/create-figure.js';
import { rgbaOf } from '../node/save-gif.js';
import { decodeGif } from '../testing/decode-gif.js';
import { imageAnimationFigure } from './image-animation-figure.js';
import { NothingToDraw } from './nothing-to-draw.js';

const SIDE = 4;
const DIM = SIDE * SIDE;
const IMAGES = 16;
const registry = createRegistry([imageAnimationFigure]);
const run = createRunContext({ name: 'fixture', seed: 0, dim: DIM, particles: IMAGES });
const create = (entry: object, dim = DIM) =>
  registry.create('figure', { type: 'image-animation', file: 'images.gif', ...entry }, { run: dim === DIM ? run : createRunContext({ dim }), path: 'figures.0' });
const canvas = (width: number, height: number) => createFigure(width, height);

/**
 * Snapshot k of `snapshots` (k = 0 .. frames - 1): image m is uniform at grey level
 * v_m = -1 + 2 m / 15 at the last snapshot, and a checkerboard of +-1 before it, fading to v_m
 * as k grows: noise to images.
 */
function snapshot(k: number, frames: number): FigureSnapshot {
  const positions = new Float32Array(IMAGES * DIM);
  const s = k / (frames - 1);
  for (let m = 0; m < IMAGES; m++) {
    const level = -1 + (2 * m) / (IMAGES - 1);
    for (let p = 0; p < DIM; p++) positions[m * DIM + p] = s * level + (1 - s) * ((p + (p >> 2)) % 2 === 0 ? 1 : -1);
  }
  return { step: 10 * k, t: 1 - k / (frames - 1), dim: DIM, positions, count: IMAGES };
}

const input = (frames: number): FigureInput => ({
  run: 'fixture',
  dim: DIM,
  stages: [{ type: 'ancestral', chains: false }],
  snapshots: Array.from({ length: frames }, (_, k) => snapshot(k, frames)),
  metrics: [],
});

describe('image-animation figure', () => {
  it('draws one frame per snapshot, at most `frames` of them, evenly spread, with the delays asked for', async () => {
    const all = await create({ width: 200, height: 230 }).draw(input(11), canvas);
    expect(all.canvases).toHaveLength(11);
    expect([all.canvases[0].width, all.canvases[0].height]).toEqual([200, 230]);
    const few = await create({ frames: 3, delay: 120, lastDelay: 900 }).draw(input(11), canvas);
    expect(few.canvases).toHaveLength(3);
    const bytes = encodeGif(few.canvases.map((c) => rgbaOf(c as ReturnType<typeof createFigure>)), few);
    expect(readGifInfo(bytes)).toMatchObject({ width: 480, height: 480, frames: 3, delays: [120, 120, 900] });
  });

  it('writes a GIF that decodes to grey images: the 256 greys, the last frame at each image’s level, the first one noise', async () => {
    const drawn = await create({ width: 240, height: 270 }).draw(input(5), canvas);
    const gif = decodeGif(encodeGif(drawn.canvases.map((c) => rgbaOf(c as ReturnType<typeof createFigure>)), drawn));
    expect(gif.frames).toHaveLength(5);
    // Images and title are drawn in greys only: the palette is the 256 greys, every level kept.
    expect(gif.palette).toEqual(Uint8Array.from({ length: 768 }, (_, i) => Math.floor(i / 3)));
    // The grid: 4 x 4 images of 4 x 4 pixels in the box under the 30-pixel title band, cells of
    // 56 pixels (232 wide / 4, gaps of 2), centred. The centre pixel of image m, row-major.
    const centre = (m: number) => {
      const cell = Math.floor(Math.min((232 - 6) / 16, (236 - 6) / 16) * SIDE);
      const left = 4 + Math.floor((232 - 4 * cell - 6) / 2);
      const top = 30 + Math.floor((236 - 4 * cell - 6) / 2);
      return [left + (m % 4) * (cell + 2) + Math.floor(cell / 2) + 1, top + Math.floor(m / 4) * (cell + 2) + Math.floor(cell / 2) + 1];
    };
    const grey = (frame: number, [x, y]: number[]) => gif.frames[frame].data[4 * (y * gif.width + x)];
    const levels = new Set<number>();
    for (let m = 0; m < IMAGES; m++) {
      const expected = ((-1 + (2 * m) / (IMAGES - 1) + 1) / 2) * 255;
      const got = grey(4, centre(m));
      expect(Math.abs(got - expected), `image ${m}: grey ${got}, drawn ${expected.toFixed(1)}`).toBeLessThanOrEqual(1);
      levels.add(got);
    }
    expect(levels.size).toBe(IMAGES);
    // The first frame: the checkerboard, black and white neighbours within an image.
    const [x, y] = centre(5);
    const cellPixel = Math.floor(Math.min((232 - 6) / 16, (236 - 6) / 16));
    expect(Math.abs(grey(0, [x, y]) - grey(0, [x + cellPixel, y]))).toBeGreaterThan(240);
  });

  it('titles each frame with its t, in the band over the grid', async () => {
    const drawn = await create({ frames: 2 }).draw(input(3), canvas);
    for (const frame of drawn.canvases) {
      const band = (frame as ReturnType<typeof createFigure>).getContext('2d').getImageData(120, 8, 240, 16).data;
      let ink = 0;
      for (let i = 0; i < band.length; i += 4) if (band[i] < 128) ink++;
      expect(ink).toBeGreaterThan(50);
    }
  });

  it('says NothingToDraw, naming the stage, when no snapshot was finished', async () => {
    await expect(create({}).draw({ ...input(2), snapshots: [] }, canvas)).rejects.toThrow(NothingToDraw);
    await expect(create({}).draw({ ...input(2), snapshots: [] }, canvas)).rejects.toThrow('no snapshot of stage 0 (ancestral) was finished');
  });

  it('asks the run for every snapshot of its stage, `count` particles each', () => {
    expect(create({ stage: 1, count: 9 }).needs).toEqual({ snapshots: { stage: 1, particles: 9, steps: 'all' } });
  });

  it('rejects bad options naming the field and what it takes', () => {
    expect(() => create({ file: 'images.png' })).toThrow(/figures\.0\.file: a file name ending in \.gif/);
    expect(() => create({ frames: 1 })).toThrow(/figures\.0\.frames: .*>=2/);
    expect(() => create({ count: 0 })).toThrow(/figures\.0\.count: .*>=1/);
    expect(() => create({ shape: [3, 5] })).toThrow(ConfigError);
    expect(() => create({ shape: [3, 5] })).toThrow(/figures\.0\.shape: 3 x 5 = 15, but the dimension 16 is not that/);
    expect(() => create({}, 12)).toThrow(/figures\.0\.shape: is needed: the dimension 12 is not a square/);
    expect(create({ shape: [2, 6] }, 12).file).toBe('images.gif');
    expect(() => create({ colour: 'label' })).toThrow(/figures\.0: Unrecognized key: "colour"/);
  });
});

