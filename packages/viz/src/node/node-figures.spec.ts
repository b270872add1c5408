import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGifInfo } from '../gif/read-gif-info.js';
import { createFigure } from './create-figure.js';
import { readImage } from './read-image.js';
import { saveGif } from './save-gif.js';
import { savePng } from './save-png.js';

const dir = mkdtempSync(join(tmpdir(), 'scoreflow-viz-'));

describe('node figures', () => {
  it('createFigure fills a white background, and rejects a bad size', () => {
    const ctx = createFigure(30, 20).getContext('2d');
    expect([...ctx.getImageData(29, 19, 1, 1).data]).toEqual([255, 255, 255, 255]);
    expect([...createFigure(2, 2, { background: 'transparent' }).getContext('2d').getImageData(0, 0, 1, 1).data]).toEqual([0, 0, 0, 0]);
    expect(() => createFigure(0, 10)).toThrow(/integers > 0/);
  });

  it('savePng writes a PNG of the canvas size', async () => {
    const path = join(dir, 'a.png');
    const bytes = await savePng(createFigure(64, 48), path);
    const file = readFileSync(path);
    expect(file.length).toBe(bytes);
    expect(file.subarray(1, 4).toString()).toBe('PNG');
    expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([64, 48]);
  });

  it('readImage decodes a written PNG, and the first frame of a GIF, to RGBA pixels', async () => {
    const canvas = createFigure(20, 10);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgb(255, 0, 0)';
    ctx.fillRect(0, 0, 5, 10);
    await savePng(canvas, join(dir, 'read.png'));
    const png = await readImage(join(dir, 'read.png'));
    expect([png.width, png.height]).toEqual([20, 10]);
    expect([png.data[0], png.data[1], png.data[2], png.data[4 * 10]]).toEqual([255, 0, 0, 255]);
    await saveGif([canvas, createFigure(20, 10)], join(dir, 'read.gif'));
    const gif = await readImage(join(dir, 'read.gif'));
    expect(gif.data[0]).toBeGreaterThan(240);
    expect(gif.data[1]).toBeLessThan(16);
  });

  it('saveGif writes canvases as frames of one animation', async () => {
    const frames = [0, 1, 2].map((k) => {
      const canvas = createFigure(40, 30);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = 'black';
      ctx.fillRect(10 * k, 0, 10, 10);
      return canvas;
    });
    const path = join(dir, 'a.gif');
    await saveGif(frames, path, { delay: 50 });
    expect(readGifInfo(readFileSync(path))).toMatchObject({ width: 40, height: 30, frames: 3, delays: [50, 50, 50] });
  });
});
