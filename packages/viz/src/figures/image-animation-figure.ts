import { z } from 'zod';
import { drawTitle } from '../frame/draw-title.js';
import { drawImageGrid } from '../images/draw-image-grid.js';
import { defineFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { animationOptions, commonOptions, fileOption, stageOption } from './figure-options.js';
import { imageOptions, imageShapeOf } from './image-options.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { spreadFrames } from './spread-frames.js';
import { stageName, whenOf } from './titles.js';

/** Options of the `image-animation` figure. */
export const imageAnimationFigureOptions = z.strictObject({
  file: fileOption('gif'),
  stage: stageOption,
  ...imageOptions,
  ...animationOptions,
  ...commonOptions,
});

/** Height of the band over the grid that holds each frame's title, in pixels. */
const TITLE_BAND = 30;

/**
 * `image-animation`: every snapshot of a stage (at most `frames`, evenly spread, first and last
 * kept) as a grid of images (particles of dimension height * width, values in [-1, 1], the lowest
 * `count` ids), one GIF frame per snapshot under the title `<title>, t = <t>` (the title is the
 * stage by default: `stage 0 (ancestral), t = 0.5`): images generated from noise. The `images` figure draws one such grid; the `animation` figure animates 2-D particles.
 */
export const imageAnimationFigure = defineFigure({
  name: 'image-animation',
  description: 'every snapshot of a stage as a grid of images, one GIF frame each (GIF)',
  options: imageAnimationFigureOptions,
  create: (config, ctx) => {
    const [h, w] = imageShapeOf(config.shape, ctx);
    return {
      needs: { snapshots: { stage: config.stage, particles: config.count, steps: 'all' } },
      oneSnapshot: 'the animation has one frame',
      async draw(input, newCanvas) {
        if (input.snapshots.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(input, config.stage)} was finished`);
        const width = config.width ?? 480;
        const height = config.height ?? 480;
        // Short by default (the stage, not the run's name), so that t, at the end, fits a small frame.
        const title = config.title ?? stageName(input, config.stage);
        const canvases = spreadFrames(input.snapshots, config.frames).map((snapshot) => {
          const canvas = newCanvas(width, height);
          const ctx2d = contextOf(canvas);
          const grid = { x: 4, y: TITLE_BAND, width: width - 8, height: height - TITLE_BAND - 4 };
          drawImageGrid(ctx2d, grid, { pixels: snapshot.positions, height: h, width: w }, { count: snapshot.count });
          drawTitle(ctx2d, { x: 0, y: 0, width, height: TITLE_BAND }, `${title}, ${whenOf(input, config.stage, snapshot, false)}`);
          return canvas;
        });
        return { canvases, delay: config.delay, lastDelay: config.lastDelay };
      },
    };
  },
});
