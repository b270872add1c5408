import { z } from 'zod';
import { drawImageGrid } from '../images/draw-image-grid.js';
import { defineFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { commonOptions, fileOption, stageOption, stepOption } from './figure-options.js';
import { imageOptions, imageShapeOf } from './image-options.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { stageName, stepName } from './titles.js';

/** Options of the `images` figure. */
export const imagesFigureOptions = z.strictObject({
  file: fileOption('png'),
  stage: stageOption,
  step: stepOption.describe('which snapshot'),
  ...imageOptions,
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
    const [h, w] = imageShapeOf(config.shape, ctx);
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
