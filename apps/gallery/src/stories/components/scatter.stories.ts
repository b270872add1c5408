// drawScatter: points of a sample, density-aware.
import type { MixturePreset } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { type ScatterColour, createPlotFrame, drawAxes, drawDensityHeatmap, drawScatter, frameArea, gridFromLogDensity } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { sampleOf } from '../../pipelines.js';
import { componentDocs, optionOf, range, select, unlessAuto, usage } from '../controls.js';
import { PRESETS, sourceOf, targetOf } from './targets.js';

const meta: Meta = {
  title: 'Components/Scatter',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawScatter(ctx, frame, points, options?)` draws row-major points (n × dim) in a plot frame. Each point adds its colour to an accumulation buffer composited once, so a million points cost one pass and overlapping points build up density instead of hiding each other. Colour points by label, by a value, or with one colour; mark some of them on top.',
  ),
};
export default meta;

interface ScatterArgs {
  preset: MixturePreset;
  particles: number;
  colour: 'by label' | 'by value' | 'one colour';
  radius: number | 'auto';
  opacity: number | 'auto';
  highlight: number;
}

/** The colour option of a story's choice: labels of the sample, its distance from the origin, or one colour. */
function colourOf(choice: ScatterArgs['colour'], positions: Float32Array, labels?: Int32Array): ScatterColour {
  if (choice === 'by label' && labels) return { by: 'label', labels };
  if (choice === 'by value') return { by: 'value', values: Float32Array.from({ length: positions.length / 2 }, (_, i) => Math.hypot(positions[2 * i], positions[2 * i + 1])) };
  return '#1f77b4';
}

/** Samples of a preset mixture, coloured by the component each came from; the first few marked. */
export const MixtureSamples: StoryObj<ScatterArgs> = {
  name: 'Samples of a mixture',
  args: { preset: 'double-gaussian', particles: 20_000, colour: 'by label', radius: 'auto', opacity: 'auto', highlight: 5 },
  argTypes: {
    preset: select('The mixture sampled (a preset of `MIXTURE_PRESETS`).', PRESETS),
    particles: range('How many points are drawn.', 100, 1_000_000, 100),
    colour: optionOf(
      'drawScatter',
      select('`colour`: by the label of each point (a categorical scheme), by a value (here the distance from the origin, on viridis), or one CSS colour.', ['by label', 'by value', 'one colour']),
      "string | { by: 'label', labels } | { by: 'value', values }",
      "'#1f5f9f'",
    ),
    radius: optionOf('drawScatter', select('`radius`: dot radius in canvas pixels; by default it shrinks as points get more numerous (2.5 up to 1,000 points, down to 0.5).', ['auto', 0.5, 1, 1.5, 2.5, 4]), 'number', 'by the count'),
    opacity: optionOf('drawScatter', select("`opacity` of one point; `'auto'` scales it to the density.", ['auto', 0.02, 0.1, 0.3, 1]), "number | 'auto'", "'auto'"),
    highlight: optionOf('drawScatter', range('`highlight`: points marked on top, red: here the first ones, by index.', 0, 50, 1), '{ indices } | { positions }', 'none'),
  },
  parameters: usage("drawScatter(ctx, frame, positionsOf(batch), {\n  colour: { by: 'label', labels: labelsOf(batch)! },\n  highlight: { indices: [0, 1, 2, 3, 4] },\n});"),
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const { positions, labels } = await sampleOf(sourceOf(args.preset), args.particles);
      const frame = createPlotFrame({ width: 480, height: 480, x: [-4, 4], y: [-4, 4], margin: { top: 30 }, equalAspect: true });
      drawScatter(ctx, frame, positions, {
        colour: colourOf(args.colour, positions, labels),
        radius: unlessAuto(args.radius),
        opacity: unlessAuto(args.opacity),
        highlight: args.highlight > 0 ? { indices: Array.from({ length: args.highlight }, (_, i) => i) } : undefined,
      });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${args.preset}: ${args.particles.toLocaleString('en')} samples` });
      markPlot(canvas, frame.inner);
    }),
};

interface PointCloudArgs {
  preset: MixturePreset;
  particles: number;
}

/**
 * The first picture of a generative model: it knows a distribution only by example points. Left:
 * samples of a mixture (`drawScatter`); right: the distribution they come from, its exact density
 * (`drawDensityHeatmap`).
 */
export const PointCloudVsDistribution: StoryObj<PointCloudArgs> = {
  name: 'A point cloud beside its distribution',
  args: { preset: 'double-gaussian', particles: 5_000 },
  argTypes: {
    preset: select('The mixture sampled and drawn (a preset of `MIXTURE_PRESETS`).', PRESETS),
    particles: range('How many example points are drawn on the left.', 100, 100_000, 100),
  },
  parameters: usage("drawScatter(ctx, left, positions, { colour: { by: 'label', labels } });\ndrawDensityHeatmap(ctx, right, gridFromLogDensity(target, frameArea(right, 2)), { colourBar: true });"),
  render: (args) =>
    figure(960, 480, async (ctx, canvas) => {
      const left = createPlotFrame({ box: { x: 0, y: 0, width: 480, height: 480 }, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 30 }, equalAspect: true });
      const right = createPlotFrame({ box: { x: 480, y: 0, width: 480, height: 480 }, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 30, right: 76 }, equalAspect: true });
      markPlot(canvas, left.inner, right.inner);
      const { positions, labels } = await sampleOf(sourceOf(args.preset), args.particles);
      drawScatter(ctx, left, positions, { colour: labels ? { by: 'label', labels } : '#1f77b4' });
      drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: `${args.particles.toLocaleString('en')} example points` });
      drawDensityHeatmap(ctx, right, gridFromLogDensity(targetOf(args.preset), frameArea(right, 2)), { map: 'magma', colourBar: true });
      drawAxes(ctx, right, { xLabel: 'x1', yLabel: 'x2', title: `the distribution p(x): ${args.preset}` });
    }),
};
