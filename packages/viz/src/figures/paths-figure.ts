import { z } from 'zod';
import { drawAxes } from '../frame/draw-axes.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { drawPaths } from '../paths/draw-paths.js';
import { definePlanarFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { drawDistribution } from './draw-distribution.js';
import { domainsOf } from './domains-of.js';
import { createNested, fileOption, mapOption, nestedPluginOption, planarOptions, stageOption } from './figure-options.js';
import { pathsOf } from './paths-of.js';
import { stageName } from './titles.js';

/** Options of the `paths` figure. */
export const pathsFigureOptions = z.strictObject({
  file: fileOption('png'),
  stage: stageOption,
  particles: z.number().int().min(1).max(1000).default(20).describe('paths drawn: particles 0 .. particles - 1'),
  density: nestedPluginOption.optional().describe('a target whose density is drawn under the paths'),
  map: mapOption().default('blues').describe('colour map of the heatmap'),
  scale: z.enum(['linear', 'log']).default('log').describe('colour the density by p or by log p (10 nats)'),
  colour: z.string().default('auto').describe('line colour (CSS); auto: one colour per path'),
  end: z.boolean().default(false).describe('mark where each path ends'),
  ...planarOptions,
});

/**
 * `paths`: the paths of particles 0 .. n - 1 through every snapshot of a stage, starts marked
 * red, optionally over a target's density: a 2-D random walk, sampler trajectories, an MCMC chain.
 */
export const pathsFigure = definePlanarFigure({
  name: 'paths',
  description: "the trajectories of the first particles through a stage's snapshots, red starts (PNG)",
  options: pathsFigureOptions,
  create: (config, ctx) => {
    const target = createNested(ctx, 'target', config.density, 'density');
    return {
      needs: { snapshots: { stage: config.stage, particles: config.particles, steps: 'all' } },
      oneSnapshot: 'each path is a single point',
      async draw(input, newCanvas) {
        const trajectories = pathsOf(input, config.stage, config.particles);
        const { dim, positions, drawn } = trajectories;
        const width = config.width ?? 480;
        const height = config.height ?? 480;
        const canvas = newCanvas(width, height);
        const ctx2d = contextOf(canvas);
        const domains = domainsOf([positions], dim, config);
        const frame = createPlotFrame({ width, height, ...domains, margin: { top: 30 }, equalAspect: true });
        if (target !== undefined) drawDistribution(ctx2d, frame, { target }, config.map, { scale: config.scale });
        drawPaths(ctx2d, frame, trajectories, { colour: config.colour === 'auto' ? undefined : config.colour, end: config.end ? {} : false });
        const title = config.title ?? `${input.run}: ${stageName(input, config.stage)}, ${drawn} path${drawn === 1 ? '' : 's'}`;
        drawAxes(ctx2d, frame, { xLabel: 'x1', yLabel: 'x2', title });
        return { canvases: [canvas] };
      },
    };
  },
});
