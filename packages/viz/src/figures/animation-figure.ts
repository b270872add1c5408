import { z } from 'zod';
import { drawAxes } from '../frame/draw-axes.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { drawScatter } from '../scatter/draw-scatter.js';
import { definePlanarFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { domainsOf } from './domains-of.js';
import { animationOptions, colourOption, fileOption, planarOptions, stageOption } from './figure-options.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { colourOf } from './snapshot-figure.js';
import { spreadFrames } from './spread-frames.js';
import { stageName, whenOf } from './titles.js';

/** Options of the `animation` figure. */
export const animationFigureOptions = z.strictObject({
  file: fileOption('gif'),
  stage: stageOption,
  particles: z.number().int().min(1).max(1_000_000).default(5_000).describe('particles drawn per frame (the lowest ids)'),
  ...animationOptions,
  colour: colourOption,
  ...planarOptions,
});

/**
 * `animation`: every snapshot of a stage (at most `frames`, evenly spread, first and last kept)
 * as the frames of a GIF, on axes fixed over all frames: the double Gaussian diffusing into one
 * Gaussian.
 */
export const animationFigure = definePlanarFigure({
  name: 'animation',
  description: "every snapshot of a stage as a GIF frame, on fixed axes (GIF)",
  options: animationFigureOptions,
  create: (config) => ({
    needs: { snapshots: { stage: config.stage, particles: config.particles, steps: 'all' } },
    oneSnapshot: 'the animation has one frame',
    async draw(input, newCanvas) {
      const all = input.snapshots;
      if (all.length === 0) throw new NothingToDraw(`no snapshot of ${stageName(input, config.stage)} was finished`);
      const chosen = spreadFrames(all, config.frames);
      const dim = chosen[0].dim;
      const domains = domainsOf(
        chosen.map((snapshot) => snapshot.positions),
        dim,
        config,
      );
      const width = config.width ?? 480;
      const height = config.height ?? 480;
      const frame = createPlotFrame({ width, height, ...domains, margin: { top: 30 }, equalAspect: true });
      const canvases = chosen.map((snapshot) => {
        const canvas = newCanvas(width, height);
        const ctx2d = contextOf(canvas);
        drawScatter(ctx2d, frame, snapshot.positions, { dim, colour: colourOf(config.colour, snapshot, config.particles) });
        const title = config.title ?? `${input.run}: ${stageName(input, config.stage)}`;
        drawAxes(ctx2d, frame, { xLabel: 'x1', yLabel: 'x2', title: `${title}, ${whenOf(input, config.stage, snapshot, false)}` });
        return canvas;
      });
      return { canvases, delay: config.delay, lastDelay: config.lastDelay };
    },
  }),
});
