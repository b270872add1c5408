import { ConfigError } from '@scoreflow/core';
import { z } from 'zod';
import { drawImageGrid } from '../images/draw-image-grid.js';
import { defineFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { commonOptions, fileOption, stageOption, stepOption } from './figure-options.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { stageName, stepName } from './titles.js';

/** Options of the `images` figure. */
export const imagesFigureOptions = z.strictObject({
  file: fileOption('png'),
  stage: stageOption,
  step: stepOption.describe('which snapshot'),
  count: z.number().int().min(1).max(1024).default(64).describe('images drawn (the lowest ids)'),
  shape: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional().describe('[height, width]; square by default'),
  ...commonOptions,
});

/**
 * `images`: particles of dimension height * width (values in [-1, 1]) drawn as images in a grid:
 * a snapshot of image data. Without `shape`, the dimension must be a square.
 */
export const imagesFigure = defineFigure({
  name: 'images',
  description: 'particles of dimension h * w drawn as images in a grid (PNG)',
  options: imagesFigureOptions,
  create: (config, ctx) => {
    const { dim } = ctx.run;
    const side = Math.round(Math.sqrt(dim));
    const [h, w] = config.shape ?? [side, side];
    if (h * w !== dim) {
      const message = `${config.shape === undefined ? 'is needed: the dimension' : `${h} x ${w} = ${h * w}, but the dimension`} ${dim} is not ${config.shape === undefined ? 'a square' : 'that'}`;
      throw new ConfigError('Invalid figure', [{ path: `${ctx.path}.shape`, message }]);
    }
    return {
      needs: { snapshots: { stage: config.stage, particles: config.count, steps: config.step } },
      async draw(input, newCanvas) {
        const snapshot = input.snapshots.at(-1);
        if (snapshot === undefined) throw new NothingToDraw(`no snapshot of ${stageName(input, config.stage)} at ${stepName(input, config.stage, config.step)} was finished`);
        const width = config.width ?? 480;
        const height = config.height ?? 480;
        const canvas = newCanvas(width, height);
        drawImageGrid(contextOf(canvas), { x: 4, y: 4, width: width - 8, height: height - 8 }, { pixels: snapshot.positions, height: h, width: w }, { count: snapshot.count });
        return { canvases: [canvas] };
      },
    };
  },
});
