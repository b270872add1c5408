import { type Figure, createRunContext } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { NothingToDraw } from '@scoreflow/viz';
import { createFigure } from '@scoreflow/viz/node';
import { describe, expect, it } from 'vitest';
import { FIGURE_DIM, figureEntry, figureInput, inkOf } from './figure-case.js';

const registry = createBrowserRegistry();
const figures = registry.list('figure');
const run = createRunContext({ name: 'fixture', seed: 0, dim: FIGURE_DIM, particles: 200 });
const create = (index: number, entry: object): Figure => registry.create('figure', entry, { run, path: `figures.${index}` });

describe('figure plugins (contract, over the catalogue)', () => {
  it('the catalogue lists the figures a config names', () => {
    expect(figures.map((plugin) => plugin.name)).toEqual(expect.arrayContaining(['snapshot', 'animation', 'paths', 'metrics', 'trace', 'density', 'images']));
  });

  describe.each(figures.map((plugin, index) => ({ plugin, index, name: plugin.name })))('$name', ({ plugin, index }) => {
    it('draws ink on every canvas from a small run, of one size, one canvas for a PNG and frames for a GIF', async () => {
      const entry = figureEntry(plugin);
      const figure = create(index, entry);
      expect(figure.name).toBe(plugin.name);
      expect(figure.file).toBe(entry.file);
      const drawn = await figure.draw(figureInput(), (width, height) => createFigure(width, height));
      expect(drawn.canvases.length).toBeGreaterThanOrEqual(1);
      if (figure.file.endsWith('.png')) expect(drawn.canvases).toHaveLength(1);
      for (const canvas of drawn.canvases) {
        expect([canvas.width, canvas.height]).toEqual([drawn.canvases[0].width, drawn.canvases[0].height]);
        const image = (canvas as ReturnType<typeof createFigure>).getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        expect(inkOf(image)).toBeGreaterThan(0.01);
      }
    });

    it('says NothingToDraw (no other error) when the run produced none of what it asked for', async () => {
      const figure = create(index, figureEntry(plugin));
      const empty = { ...figureInput(), snapshots: [], metrics: [] };
      await figure.draw(empty, (width, height) => createFigure(width, height)).then(
        (drawn) => expect(drawn.canvases.length).toBeGreaterThanOrEqual(1),
        (error: unknown) => expect(error).toBeInstanceOf(NothingToDraw),
      );
    });

    it('rejects a bad option with its path, through the registry', () => {
      expect(() => create(index, { ...figureEntry(plugin), bogus: 1 })).toThrow(/figures\.\d+: Unrecognized key: "bogus"/);
      expect(() => create(index, { ...figureEntry(plugin), file: '../escape.png' })).toThrow(/figures\.\d+\.file: /);
    });
  });
});
