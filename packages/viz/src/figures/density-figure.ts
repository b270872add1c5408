import { ConfigError } from '@scoreflow/core';
import { z } from 'zod';
import { drawScoreField } from '../field/draw-score-field.js';
import { scoreField } from '../field/vector-field.js';
import { drawAxes } from '../frame/draw-axes.js';
import { extentOf } from '../frame/domains.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { definePlanarFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { type Distribution, drawDistribution } from './draw-distribution.js';
import { createNested, fileOption, mapOption, nestedPluginOption, planarOptions } from './figure-options.js';
import { formatT } from './titles.js';

/** Options of the `density` figure. */
export const densityFigureOptions = z.strictObject({
  file: fileOption('png'),
  target: nestedPluginOption.optional().describe('a target whose exact log density is drawn'),
  reference: z.boolean().default(false).describe('draw the reference at time t (a KDE of its sample)'),
  score: nestedPluginOption.optional().describe('a score model whose field grad log p_t is drawn as arrows'),
  t: z.number().min(0).default(0).describe('time of the score and of the reference'),
  arrows: z.number().int().min(2).max(100).default(20).describe('arrows per axis'),
  scale: z.enum(['linear', 'log']).default('linear').describe('colour by density or by log density'),
  map: mapOption().default('magma').describe('colour map of the heatmap'),
  ...planarOptions,
});

const LIGHT_MAPS = new Set(['blues', 'greys']);

/**
 * `density`: a density heatmap (a target's exact log density, or the reference at time t as a
 * KDE) with the arrows of a score model at t over it: the score field of the diffused data. Axes:
 * the figure's domains, else the reference's range at t, else [-5, 5].
 */
export const densityFigure = definePlanarFigure({
  name: 'density',
  description: 'a density heatmap (a target, or the reference at t) with the arrows of a score at t (PNG)',
  options: densityFigureOptions,
  create: (config, ctx) => {
    const at = (field: string, message: string) => new ConfigError('Invalid figure', [{ path: `${ctx.path}.${field}`, message }]);
    if (config.reference && config.target !== undefined) throw at('target', 'give either reference: true or a target, not both');
    if (!config.reference && config.target === undefined && config.score === undefined) throw at('type', 'a density figure needs a target, a score or reference: true');
    const target = createNested(ctx, 'target', config.target, 'target');
    const score = createNested(ctx, 'score-model', config.score, 'score');
    return {
      needs: { reference: config.reference },
      async draw(input, newCanvas) {
        const { dim } = input;
        const sample = config.reference && input.referenceAt !== undefined ? input.referenceAt(config.t) : undefined;
        const distribution: Distribution | undefined = target !== undefined ? { target } : sample !== undefined ? { sample, dim } : undefined;
        const width = config.width ?? (distribution === undefined ? 480 : 560);
        const height = config.height ?? 480;
        const canvas = newCanvas(width, height);
        const ctx2d = contextOf(canvas);
        const x = config.xDomain ?? (sample === undefined ? undefined : extentOf(sample, dim, 0, 0.001, 0.08)) ?? [-5, 5];
        const y = config.yDomain ?? (sample === undefined ? undefined : extentOf(sample, dim, 1, 0.001, 0.08)) ?? [-5, 5];
        const frame = createPlotFrame({ width, height, x, y, margin: { top: 30, right: distribution === undefined ? 16 : 76 }, equalAspect: true });
        if (distribution !== undefined) drawDistribution(ctx2d, frame, distribution, config.map, { scale: config.scale, colourBar: true });
        if (score !== undefined) {
          const [x0, x1] = frame.x.domain();
          const [y0, y1] = frame.y.domain();
          const field = await scoreField(score, { x: [x0, x1], y: [y0, y1], nx: config.arrows, ny: config.arrows }, config.t);
          drawScoreField(ctx2d, frame, field, { colour: distribution === undefined || LIGHT_MAPS.has(config.map) ? '#222' : 'white' });
        }
        const parts = [target !== undefined ? `target '${target.name}'` : sample !== undefined ? 'reference' : undefined, score !== undefined ? `score '${score.name}'` : undefined].filter(
          (part) => part !== undefined,
        );
        const title = config.title ?? `${input.run}: ${parts.join(' and ')}${sample !== undefined || score !== undefined ? ` at t = ${formatT(config.t)}` : ''}`;
        drawAxes(ctx2d, frame, { xLabel: 'x1', yLabel: 'x2', title });
        return { canvases: [canvas] };
      },
    };
  },
});
