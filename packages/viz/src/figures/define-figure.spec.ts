import { ConfigError, type PluginContext, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineFigure } from './define-figure.js';
import { pathsOf } from './paths-of.js';

const ctxOf = (dim: number) => ({ run: createRunContext({ dim }), path: 'figures.0', create: () => undefined }) as unknown as PluginContext;
const spec = (planar: boolean) => ({
  name: 'dots',
  description: 'dots (PNG)',
  options: z.strictObject({ file: z.string().default('dots.png') }),
  planar,
  create: () => ({ needs: {}, draw: async () => ({ canvases: [] }) }),
});

describe('defineFigure', () => {
  it('names the figure after the plugin and writes the file its options name', () => {
    const plugin = defineFigure(spec(false));
    expect(plugin.kind).toBe('figure');
    const figure = plugin.create({ file: 'mine.png' }, ctxOf(1));
    expect(figure).toMatchObject({ name: 'dots', file: 'mine.png', needs: {} });
  });

  it('a planar figure of one-dimensional particles is a config error at <path>.type', () => {
    const plugin = defineFigure(spec(true));
    expect(() => plugin.create({ file: 'dots.png' }, ctxOf(1))).toThrow(ConfigError);
    expect(() => plugin.create({ file: 'dots.png' }, ctxOf(1))).toThrow(/figures\.0\.type.*dots figure draws two coordinates.*dimension 1/s);
    expect(plugin.create({ file: 'dots.png' }, ctxOf(2)).name).toBe('dots');
  });
});

describe('pathsOf', () => {
  const snapshot = (values: number[], count: number) => ({ positions: Float32Array.from(values), dim: 2, count, step: 0, t: 0 });

  it('stacks the first particles of each snapshot step after step, with the most particles drawn', () => {
    const input = { stages: [{ type: 'hmc', chains: true }], snapshots: [snapshot([1, 2, 3, 4, 5, 6], 3), snapshot([7, 8, 9, 10, 11, 12], 2)] };
    const paths = pathsOf(input as never, 0, 2);
    expect(paths).toMatchObject({ paths: 2, steps: 2, dim: 2, drawn: 3 });
    expect([...paths.positions]).toEqual([1, 2, 3, 4, 7, 8, 9, 10]);
  });

  it('no finished snapshot is nothing to draw, naming the stage', () => {
    expect(() => pathsOf({ stages: [{ type: 'hmc', chains: true }], snapshots: [] } as never, 0, 2)).toThrow('no snapshot of stage 0 (hmc) was finished');
  });
});
