import { pluginConfigSchema } from '@scoreflow/core';
import { COLOUR_MAP_NAMES, type ColourMapName } from '@scoreflow/viz';
import { z } from 'zod';

/** The figure types a config can ask for, in the order the README lists them. */
export const FIGURE_TYPES = ['snapshot', 'animation', 'paths', 'metrics', 'trace', 'density', 'images'] as const;

const fileOf = (extension: 'png' | 'gif') =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.${extension}$`), `a file name ending in .${extension} (letters, digits, ".", "_", "-"; no folders)`)
    .describe(`file written in the output folder (.${extension})`);

const size = (what: string) => z.number().int().min(64).max(4096).optional().describe(`${what} in pixels`);
const stage = z.number().int().min(0).default(0).describe('pipeline stage (0 = the first; the source when the pipeline is empty)');
const domain = (axis: string) =>
  z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo < hi, 'expected [lo, hi] with lo < hi')
    .optional()
    .describe(`${axis} axis range [lo, hi]; from the data by default`);
const map = (fallback: ColourMapName) =>
  z
    .enum(COLOUR_MAP_NAMES as [ColourMapName, ...ColourMapName[]])
    .default(fallback)
    .describe('colour map of the heatmap');
const colour = z.enum(['auto', 'label', 'none']).default('auto').describe('colour points by label (auto: when the particles have labels)');
const common = { width: size('figure width'), height: size('figure height'), title: z.string().optional().describe('title; one is made up by default') };

/** `snapshot`: a scatter of one snapshot, optionally beside (or over) the reference or a density. */
export const snapshotFigure = z.strictObject({
  type: z.literal('snapshot'),
  file: fileOf('png'),
  stage,
  step: z
    .union([z.literal('last'), z.number().int()], { error: 'expected "last" or a step number' })
    .default('last')
    .describe('which snapshot: "last" or a step number'),
  particles: z.number().int().min(1).max(1_000_000).default(20_000).describe('particles drawn (the lowest ids)'),
  colour,
  reference: z.boolean().default(false).describe("show the reference at the snapshot's time t (a KDE of its sample)"),
  density: pluginConfigSchema.optional().describe('a target whose exact density is shown (instead of the reference)'),
  layout: z.enum(['beside', 'under']).default('beside').describe('the distribution in a panel beside the points, or under them'),
  highlight: z.number().int().min(0).max(1000).default(0).describe('particles (lowest ids) marked red'),
  map: z
    .enum(COLOUR_MAP_NAMES as [ColourMapName, ...ColourMapName[]])
    .optional()
    .describe('colour map of the distribution; magma beside, greys under'),
  xDomain: domain('x'),
  yDomain: domain('y'),
  ...common,
});

/** `animation`: every snapshot of a stage as a GIF frame, on fixed axes. */
export const animationFigure = z.strictObject({
  type: z.literal('animation'),
  file: fileOf('gif'),
  stage,
  particles: z.number().int().min(1).max(1_000_000).default(5_000).describe('particles drawn per frame (the lowest ids)'),
  frames: z.number().int().min(2).max(1000).default(60).describe('at most this many frames, evenly spread over the snapshots (first and last included)'),
  delay: z.number().int().min(10).max(10_000).default(80).describe('milliseconds per frame'),
  lastDelay: z.number().int().min(10).max(60_000).default(1500).describe('milliseconds the last frame stays'),
  colour,
  xDomain: domain('x'),
  yDomain: domain('y'),
  ...common,
});

/** `paths`: the trajectories of the first particles through a stage's snapshots, red starts. */
export const pathsFigure = z.strictObject({
  type: z.literal('paths'),
  file: fileOf('png'),
  stage,
  particles: z.number().int().min(1).max(1000).default(20).describe('paths drawn: particles 0 .. particles - 1'),
  density: pluginConfigSchema.optional().describe('a target whose density is drawn under the paths'),
  map: map('blues'),
  scale: z.enum(['linear', 'log']).default('log').describe('colour the density by p or by log p (10 nats)'),
  colour: z.string().default('auto').describe('line colour (CSS); auto: one colour per path'),
  end: z.boolean().default(false).describe('mark where each path ends'),
  xDomain: domain('x'),
  yDomain: domain('y'),
  ...common,
});

/** `metrics`: every metric of every snapshot against t or the step, one panel per metric. */
export const metricsFigure = z.strictObject({
  type: z.literal('metrics'),
  file: fileOf('png'),
  x: z.enum(['t', 'step']).default('t').describe('the horizontal axis'),
  metrics: z.array(z.string()).optional().describe('which values (e.g. sw2, mmd2); all but bandwidths by default'),
  noiseFloor: z
    .union([
      z.literal(false),
      z.strictObject({
        pairs: z.number().int().min(2).max(20).default(3).describe('pairs of exact samples per time'),
        times: z.number().int().min(1).max(50).default(3).describe('times it is computed at, spread over the measured ones (first and last included)'),
      }),
    ])
    .default({ pairs: 3, times: 3 })
    .describe('shade each value between two exact samples of the measured sizes (mean +- 2 sd over pairs); false for none'),
  ...common,
});

/** `trace`: MCMC chain traces, each coordinate against the iteration. */
export const traceFigure = z.strictObject({
  type: z.literal('trace'),
  file: fileOf('png'),
  stage,
  chains: z.number().int().min(1).max(100).default(4).describe('chains drawn: particles 0 .. chains - 1'),
  coordinates: z.number().int().min(1).max(8).default(2).describe('coordinates traced, one panel each (at most the dimension)'),
  ...common,
});

/** `density`: a density heatmap (a target, or the reference at t) with the arrows of a score at t. */
export const densityFigure = z.strictObject({
  type: z.literal('density'),
  file: fileOf('png'),
  target: pluginConfigSchema.optional().describe('a target whose exact log density is drawn'),
  reference: z.boolean().default(false).describe('draw the reference at time t (a KDE of its sample)'),
  score: pluginConfigSchema.optional().describe('a score model whose field grad log p_t is drawn as arrows'),
  t: z.number().min(0).default(0).describe('time of the score and of the reference'),
  arrows: z.number().int().min(2).max(100).default(20).describe('arrows per axis'),
  scale: z.enum(['linear', 'log']).default('linear').describe('colour by density or by log density'),
  map: map('magma'),
  xDomain: domain('x'),
  yDomain: domain('y'),
  ...common,
});

/** `images`: particles of dimension h * w drawn as images in a grid (a snapshot of image data). */
export const imagesFigure = z.strictObject({
  type: z.literal('images'),
  file: fileOf('png'),
  stage,
  step: z.union([z.literal('last'), z.number().int()], { error: 'expected "last" or a step number' }).default('last').describe('which snapshot'),
  count: z.number().int().min(1).max(1024).default(64).describe('images drawn (the lowest ids)'),
  shape: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional().describe('[height, width]; square by default'),
  ...common,
});

/** One figure of the `figures` list: `type` picks the kind, the other fields are its options. */
export const figureSchema = z.discriminatedUnion('type', [snapshotFigure, animationFigure, pathsFigure, metricsFigure, traceFigure, densityFigure, imagesFigure], {
  error: (issue) => (issue.code === 'invalid_union' ? `unknown figure type; figure types: ${FIGURE_TYPES.join(', ')}` : undefined),
});

export type FigureConfig = z.output<typeof figureSchema>;
export type SnapshotFigure = z.output<typeof snapshotFigure>;
export type AnimationFigure = z.output<typeof animationFigure>;
export type PathsFigure = z.output<typeof pathsFigure>;
export type MetricsFigure = z.output<typeof metricsFigure>;
export type TraceFigure = z.output<typeof traceFigure>;
export type DensityFigure = z.output<typeof densityFigure>;
export type ImagesFigure = z.output<typeof imagesFigure>;
