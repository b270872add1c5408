// One story per viz component, with controls. Data come from scoreflow's own sources and samplers.
import { MIXTURE_PRESETS, type MixturePreset, banana } from '@scoreflow/core';
import { bananaSource, gaussianMixtureSource, gaussianSource } from '@scoreflow/data-sources';
import { eulerMaruyama, hmc } from '@scoreflow/samplers';
import { densityTarget, mixtureScore, mixtureTarget } from '@scoreflow/score-models';
import { brownian, geometricGrid } from '@scoreflow/sdes';
import type { Meta, StoryObj } from '@storybook/html-vite';
import {
  COLOUR_MAP_NAMES,
  type ColourMapName,
  type LegendPosition,
  type Series,
  createPlotFrame,
  drawAxes,
  drawChainTrace,
  drawDensityHeatmap,
  drawImageGrid,
  drawLineChart,
  drawPaths,
  drawScatter,
  drawScoreField,
  frameArea,
  gridFromLogDensity,
  histogram2d,
  scoreField,
  seriesDomains,
  traceSeries,
} from '@scoreflow/viz';
import { figure, markPlot } from '../figure.js';
import { runContext, runStage, sampleOf, stack } from '../pipelines.js';

const meta: Meta = { title: 'Components' };
export default meta;

const PRESETS = Object.keys(MIXTURE_PRESETS) as MixturePreset[];
const range = (min: number, max: number, step: number) => ({ control: { type: 'range' as const, min, max, step } });
const select = (options: readonly string[]) => ({ control: { type: 'select' as const }, options });

/** The target of a heatmap story: a core density or a preset mixture. */
function targetOf(name: string) {
  if (name === 'banana') return densityTarget(banana());
  return mixtureTarget(MIXTURE_PRESETS[name as MixturePreset](), name);
}

interface ScatterArgs {
  preset: MixturePreset;
  particles: number;
  colour: 'label' | 'none';
  highlight: number;
}

export const Scatter: StoryObj<ScatterArgs> = {
  args: { preset: 'double-gaussian', particles: 20_000, colour: 'label', highlight: 5 },
  argTypes: { preset: select(PRESETS), particles: range(100, 1_000_000, 100), colour: select(['label', 'none']), highlight: range(0, 50, 1) },
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const { positions, labels } = await sampleOf(gaussianMixtureSource(MIXTURE_PRESETS[args.preset]()), args.particles);
      const frame = createPlotFrame({ width: 480, height: 480, x: [-4, 4], y: [-4, 4], margin: { top: 30 }, equalAspect: true });
      drawScatter(ctx, frame, positions, {
        colour: args.colour === 'label' && labels ? { by: 'label', labels } : '#1f77b4',
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
 * The seed's first picture: a generative model knows a distribution only by example points. Left:
 * samples of a mixture; right: the distribution they come from (its exact density).
 */
export const PointCloudVsDistribution: StoryObj<PointCloudArgs> = {
  args: { preset: 'double-gaussian', particles: 5_000 },
  argTypes: { preset: select(PRESETS), particles: range(100, 100_000, 100) },
  render: (args) =>
    figure(960, 480, async (ctx, canvas) => {
      const mixture = MIXTURE_PRESETS[args.preset]();
      const left = createPlotFrame({ box: { x: 0, y: 0, width: 480, height: 480 }, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 30 }, equalAspect: true });
      const right = createPlotFrame({ box: { x: 480, y: 0, width: 480, height: 480 }, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 30, right: 76 }, equalAspect: true });
      markPlot(canvas, left.inner, right.inner);
      const { positions, labels } = await sampleOf(gaussianMixtureSource(mixture), args.particles);
      drawScatter(ctx, left, positions, { colour: labels ? { by: 'label', labels } : '#1f77b4' });
      drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: `${args.particles.toLocaleString('en')} example points` });
      drawDensityHeatmap(ctx, right, gridFromLogDensity(mixtureTarget(mixture, args.preset), frameArea(right, 2)), { map: 'magma', colourBar: true });
      drawAxes(ctx, right, { xLabel: 'x1', yLabel: 'x2', title: `the distribution p(x): ${args.preset}` });
    }),
};

interface HeatmapArgs {
  target: string;
  source: 'exact density' | 'KDE of samples';
  scale: 'linear' | 'log';
  map: ColourMapName;
  colourBar: boolean;
}

export const DensityHeatmap: StoryObj<HeatmapArgs> = {
  args: { target: 'banana', source: 'exact density', scale: 'linear', map: 'magma', colourBar: true },
  argTypes: { target: select(['banana', ...PRESETS]), source: select(['exact density', 'KDE of samples']), scale: select(['linear', 'log']), map: select(COLOUR_MAP_NAMES), colourBar: { control: 'boolean' } },
  render: (args) =>
    figure(560, 480, async (ctx, canvas) => {
      const [x, y]: [[number, number], [number, number]] = args.target === 'banana' ? [[-7, 7], [-4, 10]] : [[-4.5, 4.5], [-4.5, 4.5]];
      const frame = createPlotFrame({ width: 560, height: 480, x, y, margin: { top: 30, right: 76 }, equalAspect: true });
      let grid;
      if (args.source === 'exact density') grid = gridFromLogDensity(targetOf(args.target), frameArea(frame, 2));
      else {
        const source = args.target === 'banana' ? bananaSource() : gaussianMixtureSource(MIXTURE_PRESETS[args.target as MixturePreset]());
        const { positions } = await sampleOf(source, 20_000);
        const area = frameArea(frame);
        grid = histogram2d(positions, { x: area.x, y: area.y, nx: 96, ny: 96 }, { smooth: 1.5 });
      }
      drawDensityHeatmap(ctx, frame, grid, { map: args.map, scale: args.scale, colourBar: args.colourBar });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${args.target}: ${args.source}` });
      markPlot(canvas, frame.inner);
    }),
};

interface PathsArgs {
  paths: number;
  steps: number;
  end: boolean;
}

export const Paths: StoryObj<PathsArgs> = {
  args: { paths: 12, steps: 200, end: true },
  argTypes: { paths: range(1, 64, 1), steps: range(10, 1000, 10), end: { control: 'boolean' } },
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      // Reverse-SDE trajectories of dx = dW with the exact score: N(0, 4 I) back to the double Gaussian.
      const sde = brownian({ g: 1, T: 4 });
      const mixture = MIXTURE_PRESETS['double-gaussian']();
      const score = mixtureScore(mixture, sde);
      const snapshots = await runStage(
        gaussianSource({ dim: 2, std: Math.sqrt(4.25) }),
        args.paths,
        eulerMaruyama({ sde, score, rng: runContext(args.paths).rng, times: geometricGrid().times(sde, args.steps, 1e-3), snapshotEvery: 1 }),
      );
      const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 30 }, equalAspect: true });
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(mixtureTarget(mixture), frameArea(frame, 2)), { map: 'blues' });
      drawPaths(ctx, frame, stack(snapshots, args.paths), { end: args.end ? {} : false });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `reverse SDE: ${args.paths} paths, ${args.steps} steps` });
      markPlot(canvas, frame.inner);
    }),
};

interface ScoreFieldArgs {
  target: string;
  arrows: number;
  length: 'scaled' | 'unit';
}

export const ScoreField: StoryObj<ScoreFieldArgs> = {
  args: { target: 'banana', arrows: 20, length: 'scaled' },
  argTypes: { target: select(['banana', ...PRESETS]), arrows: range(5, 40, 1), length: select(['scaled', 'unit']) },
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const target = targetOf(args.target);
      const [x, y]: [[number, number], [number, number]] = args.target === 'banana' ? [[-7, 7], [-4, 10]] : [[-4.5, 4.5], [-4.5, 4.5]];
      const frame = createPlotFrame({ width: 480, height: 480, x, y, margin: { top: 30 }, equalAspect: true });
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(target, frameArea(frame, 2)), { map: 'magma' });
      const [x0, x1] = frame.x.domain();
      const [y0, y1] = frame.y.domain();
      const field = await scoreField((p, out) => void target.gradLogDensity(p, out), { x: [x0, x1], y: [y0, y1], nx: args.arrows, ny: args.arrows });
      drawScoreField(ctx, frame, field, { colour: 'white', length: args.length });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `grad log p of ${args.target}` });
      markPlot(canvas, frame.inner);
    }),
};

interface LineChartArgs {
  logAxes: boolean;
  legend: LegendPosition;
}

export const LineChart: StoryObj<LineChartArgs> = {
  args: { logAxes: true, legend: 'top-right' },
  argTypes: { logAxes: { control: 'boolean' }, legend: select(['top-right', 'top-left', 'bottom-right', 'bottom-left']) },
  render: (args) =>
    figure(560, 400, (ctx, canvas) => {
      // Error against NFE for methods of order 1, 2 and 3 (illustrative curves, not measurements).
      const nfe = [4, 8, 16, 32, 64, 128, 256, 512];
      const series: Series[] = [
        { name: 'Euler-Maruyama (order 1/2)', x: nfe, y: nfe.map((n) => 2 / Math.sqrt(n)) },
        { name: 'Heun (order 2)', x: nfe, y: nfe.map((n) => 8 / n ** 2 + 1e-4) },
        { name: 'DPM-Solver++(2M)', x: nfe, y: nfe.map((n) => 3 / n ** 2.5 + 1e-4), dash: [6, 3] },
      ];
      const domains = seriesDomains(series, { x: args.logAxes, y: args.logAxes }) ?? { x: [1, 1000], y: [1e-4, 1] };
      const frame = createPlotFrame({ width: 560, height: 400, ...domains, xLog: args.logAxes, yLog: args.logAxes, margin: { top: 30, left: 64 } });
      drawLineChart(ctx, frame, series, { legend: args.legend });
      drawAxes(ctx, frame, { xLabel: 'score evaluations (NFE)', yLabel: 'error', title: 'quality against NFE', grid: true });
      markPlot(canvas, frame.inner);
    }),
};

interface ChainTraceArgs {
  chains: number;
  steps: number;
  leapfrogSteps: number;
}

export const ChainTrace: StoryObj<ChainTraceArgs> = {
  args: { chains: 4, steps: 300, leapfrogSteps: 5 },
  argTypes: { chains: range(1, 10, 1), steps: range(50, 2000, 50), leapfrogSteps: range(1, 20, 1) },
  render: (args) =>
    figure(720, 440, async (ctx, canvas) => {
      const rng = runContext(args.chains).rng;
      const snapshots = await runStage(
        gaussianSource({ dim: 2, std: 3 }),
        args.chains,
        hmc({ target: densityTarget(banana()), rng, warmup: 100, steps: args.steps, leapfrogSteps: args.leapfrogSteps }),
      );
      const chains = stack(snapshots, args.chains);
      const boxes = [];
      for (let k = 0; k < 2; k++) {
        const domains = seriesDomains(traceSeries(chains, k)) ?? { x: [0, 1], y: [-1, 1] };
        const box = { x: 0, y: k === 0 ? 0 : 220, width: 720, height: 220 };
        const frame = createPlotFrame({ box, ...domains, margin: { top: k === 0 ? 36 : 10, bottom: 36, left: 56, right: 16 } });
        drawChainTrace(ctx, frame, chains, { coordinate: k });
        drawAxes(ctx, frame, { xLabel: k === 1 ? 'iteration' : undefined, yLabel: `x${k + 1}`, title: k === 0 ? `HMC on the banana: ${args.chains} chains` : undefined });
        boxes.push(frame.inner);
      }
      markPlot(canvas, ...boxes);
    }),
};

interface ImageGridArgs {
  count: number;
  size: number;
  columns: number;
}

/** Synthetic 'digits': rings and bars of varying radius and angle, values in [-1, 1]. */
function syntheticImages(count: number, size: number): Float32Array {
  const pixels = new Float32Array(count * size * size).fill(-1);
  for (let k = 0; k < count; k++) {
    const ring = k % 2 === 0;
    const radius = size * (0.2 + 0.15 * ((k * 7) % 5) / 4);
    const angle = (k * Math.PI) / 7;
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) {
        const u = j - size / 2 + 0.5;
        const v = i - size / 2 + 0.5;
        const d = ring ? Math.abs(Math.hypot(u, v) - radius) : Math.abs(u * Math.sin(angle) - v * Math.cos(angle)) + Math.max(0, Math.hypot(u, v) - radius * 1.4);
        pixels[k * size * size + i * size + j] = Math.max(-1, 1 - d * 0.9);
      }
  }
  return pixels;
}

export const ImageGrid: StoryObj<ImageGridArgs> = {
  args: { count: 36, size: 28, columns: 6 },
  argTypes: { count: range(1, 100, 1), size: range(8, 64, 1), columns: range(1, 12, 1) },
  render: (args) =>
    figure(480, 480, (ctx, canvas) => {
      const box = { x: 20, y: 20, width: 440, height: 440 };
      drawImageGrid(ctx, box, { pixels: syntheticImages(args.count, args.size), height: args.size, width: args.size }, { columns: args.columns, gap: 2 });
      markPlot(canvas, box);
    }),
};
