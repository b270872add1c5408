import { ConfigError, type FigureSnapshot } from '@scoreflow/core';
import { z } from 'zod';
import { drawAxes } from '../frame/draw-axes.js';
import { drawTitle } from '../frame/draw-title.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { drawScatter } from '../scatter/draw-scatter.js';
import type { ScatterColour } from '../scatter/scatter-colour.js';
import { definePlanarFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { type Distribution, drawDistribution } from './draw-distribution.js';
import { domainsOf } from './domains-of.js';
import { colourOption, createNested, fileOption, mapOption, nestedPluginOption, planarOptions, stageOption, stepOption } from './figure-options.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { formatT, isChainStage, stageName, stepName, whenOf } from './titles.js';

/** Options of the `snapshot` figure. */
export const snapshotFigureOptions = z.strictObject({
  file: fileOption('png'),
  stage: stageOption,
  step: stepOption.describe('which snapshot: "last" or a step number'),
  particles: z.number().int().min(1).max(1_000_000).default(20_000).describe('particles drawn (the lowest ids)'),
  colour: colourOption,
  reference: z.boolean().default(false).describe("show the reference at the snapshot's time t (a KDE of its sample)"),
  density: nestedPluginOption.optional().describe('a target whose exact density is shown (instead of the reference)'),
  layout: z.enum(['beside', 'under']).default('beside').describe('the distribution in a panel beside the points, or under them'),
  highlight: z.number().int().min(0).max(1000).default(0).describe('particles (lowest ids) marked red'),
  map: mapOption().optional().describe('colour map of the distribution; magma beside, greys under'),
  ...planarOptions,
});

const MARGIN = { top: 30, right: 70, bottom: 42, left: 52 };

/** The scatter colour a figure's `colour` option asks for, given what the snapshot carries. */
export function colourOf(option: 'auto' | 'label' | 'none', snapshot: FigureSnapshot, particles: number): ScatterColour | undefined {
  if (option === 'none' || snapshot.labels === undefined) return undefined;
  return { by: 'label', labels: snapshot.labels.subarray(0, particles) };
}

/**
 * `snapshot`: a snapshot as a scatter ("the point cloud"), with the distribution beside it or
 * under it: the reference at the snapshot's time (a KDE of its sample) or a target's exact density.
 */
export const snapshotFigure = definePlanarFigure({
  name: 'snapshot',
  description: 'a scatter of one snapshot, beside (or over) the reference at its t or a target density (PNG)',
  options: snapshotFigureOptions,
  create: (config, ctx) => {
    if (config.reference && config.density !== undefined) throw new ConfigError('Invalid figure', [{ path: `${ctx.path}.density`, message: 'give either reference: true or a density, not both' }]);
    const target = createNested(ctx, 'target', config.density, 'density');
    return {
      needs: { snapshots: { stage: config.stage, particles: Math.max(config.particles, config.highlight), steps: config.step }, reference: config.reference },
      async draw(input, newCanvas) {
        const snapshot = input.snapshots.at(-1);
        if (snapshot === undefined) {
          throw new NothingToDraw(`no snapshot of ${stageName(input, config.stage)} at ${stepName(input, config.stage, config.step)} was finished`);
        }
        const { dim } = snapshot;
        const points = snapshot.positions.subarray(0, config.particles * dim);
        const distribution: Distribution | undefined =
          target !== undefined ? { target } : config.reference && input.referenceAt !== undefined ? { sample: input.referenceAt(snapshot.t), dim } : undefined;
        const beside = distribution !== undefined && config.layout === 'beside';
        const width = config.width ?? (beside ? 960 : 480);
        const height = config.height ?? 480;
        const canvas = newCanvas(width, height);
        const ctx2d = contextOf(canvas);
        const samples = distribution !== undefined && 'sample' in distribution ? [points, distribution.sample] : [points];
        const domains = domainsOf(samples, dim, config);
        const panel = (x: number, w: number, margin = MARGIN) => createPlotFrame({ box: { x, y: 0, width: w, height }, ...domains, margin, equalAspect: true });
        const title = config.title ?? `${input.run}: ${stageName(input, config.stage)}, ${whenOf(input, config.stage, snapshot)}`;
        const left = beside ? panel(0, width / 2, { ...MARGIN, top: 52 }) : panel(0, width, { ...MARGIN, right: 16 });
        if (distribution !== undefined && !beside) drawDistribution(ctx2d, left, distribution, config.map ?? 'greys', { under: true });
        drawScatter(ctx2d, left, points, {
          dim,
          colour: colourOf(config.colour, snapshot, config.particles),
          highlight: config.highlight > 0 ? { positions: snapshot.positions.subarray(0, config.highlight * dim) } : undefined,
        });
        drawAxes(ctx2d, left, { xLabel: 'x1', yLabel: 'x2', title: beside ? `${snapshot.count.toLocaleString('en')} particles` : title });
        if (beside) {
          const right = panel(width / 2, width / 2, { ...MARGIN, top: 52 });
          drawDistribution(ctx2d, right, distribution, config.map ?? 'magma', { colourBar: true });
          // An MCMC stage's t is its iteration: its reference is the target itself, at no time.
          const reference = isChainStage(input, config.stage) ? 'reference' : `reference at t = ${formatT(snapshot.t)}`;
          const what = 'target' in distribution ? `density of target '${distribution.target.name}'` : reference;
          drawAxes(ctx2d, right, { xLabel: 'x1', yLabel: 'x2', title: what });
          drawTitle(ctx2d, { x: 0, y: 0, width, height }, title);
        }
        return { canvases: [canvas] };
      },
    };
  },
});
