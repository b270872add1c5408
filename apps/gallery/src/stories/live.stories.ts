// Live stories: scoreflow pipelines (sources, SDEs, samplers, score models) running in the browser.
import { type ParticleBatch, collectAll, labelsOf, positionsOf, timesOf } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawDensityHeatmap, drawPaths, drawScatter, drawScoreField, frameArea, gridFromLogDensity, scoreField } from '@scoreflow/viz';
import { of } from 'rxjs';
import { clear, figure, markPlot, nextFrame, sleep } from '../figure.js';
import { stack, storyRun } from '../pipelines.js';
import { range } from './controls.js';

const meta: Meta = { title: 'Live pipelines' };
export default meta;

/** The double Gaussian of "Diffusion Models: The Main Ideas", as a data source, score model and target name it. */
const DOUBLE_GAUSSIAN = { type: 'gaussian-mixture', preset: 'double-gaussian' };

interface DiffusionArgs {
  particles: number;
  steps: number;
  frameMs: number;
}

/**
 * The seed's animation: 5,000 particles of the double Gaussian diffuse under dx = dW into one
 * Gaussian (forward, Euler-Maruyama, T = 4), then Anderson's reverse SDE with the exact score of
 * the diffused mixture brings them back. Every snapshot is one frame.
 */
export const DoubleGaussianForwardAndBack: StoryObj<DiffusionArgs> = {
  name: 'Double Gaussian forward and back',
  args: { particles: 5000, steps: 40, frameMs: 40 },
  argTypes: {
    particles: range('Particles drawn from the double Gaussian.', 500, 100_000, 500),
    steps: range('Euler-Maruyama steps each way (forward, then reverse on a geometric time grid); one frame per step.', 5, 200, 5),
    frameMs: range('Pause between frames in milliseconds.', 0, 500, 10),
  },
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const { create, sample } = storyRun(args.particles, { sde: { type: 'brownian', g: 1, T: 4 } });
      const forward = await sample(create('data-source', DOUBLE_GAUSSIAN), create('stage', { type: 'forward', steps: args.steps, method: 'euler-maruyama', snapshotEvery: 1 }, 'pipeline.0'));
      const labels = labelsOf(forward[0]);
      const reverse = await collectAll(
        of(forward[forward.length - 1]).pipe(create('stage', { type: 'euler-maruyama', score: DOUBLE_GAUSSIAN, grid: { type: 'geometric' }, steps: args.steps, snapshotEvery: 1 }, 'pipeline.1')),
      );
      const frames: [string, ParticleBatch][] = [...forward.map((b): [string, ParticleBatch] => ['forward', b]), ...reverse.map((b): [string, ParticleBatch] => ['reverse', b])];
      const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 30 }, equalAspect: true });
      markPlot(canvas, frame.inner);
      for (const [direction, batch] of frames) {
        clear(ctx, 480, 480);
        drawScatter(ctx, frame, positionsOf(batch), { colour: labels ? { by: 'label', labels } : '#1f77b4' });
        drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `double Gaussian, ${direction}: t = ${timesOf(batch)[0].toFixed(2)}` });
        canvas.dataset.frame = String(Number(canvas.dataset.frame ?? 0) + 1);
        await nextFrame();
        if (args.frameMs > 0) await sleep(args.frameMs);
      }
    }),
};

interface WalkArgs {
  walkers: number;
  steps: number;
  reveal: number;
}

/** The seed's random walk: dx = dW in 2-D from a few starting points (red), every step a snapshot, drawn as it grows. */
export const RandomWalk2D: StoryObj<WalkArgs> = {
  name: 'Random walk in 2-D',
  args: { walkers: 8, steps: 500, reveal: 25 },
  argTypes: {
    walkers: range('Independent walkers, started from N(0, 4 I).', 1, 64, 1),
    steps: range('Steps of each walk (dx = dW over t in [0, 1]).', 10, 2000, 10),
    reveal: range('Frames in which the paths grow to their full length.', 1, 100, 1),
  },
  render: (args) =>
    figure(480, 480, async (ctx, canvas) => {
      const { create, sample } = storyRun(args.walkers, { sde: { type: 'brownian', g: 1, T: 1 } });
      const snapshots = await sample(create('data-source', { type: 'gaussian', std: 2 }), create('stage', { type: 'forward', steps: args.steps, method: 'euler-maruyama', snapshotEvery: 1 }));
      const all = stack(snapshots, args.walkers);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of all.positions) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const pad = 0.08 * (hi - lo);
      const frame = createPlotFrame({ width: 480, height: 480, x: [lo - pad, hi + pad], y: [lo - pad, hi + pad], margin: { top: 30 }, equalAspect: true });
      markPlot(canvas, frame.inner);
      for (let k = 1; k <= args.reveal; k++) {
        const shown = Math.max(2, Math.round((snapshots.length * k) / args.reveal));
        clear(ctx, 480, 480);
        drawPaths(ctx, frame, stack(snapshots.slice(0, shown), args.walkers));
        drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `random walks dx = dW: ${args.walkers} walkers, step ${shown - 1} of ${args.steps}` });
        await nextFrame();
      }
    }),
};

interface RaceArgs {
  chains: number;
  particles: number;
  steps: number;
}

/**
 * MCMC beside diffusion on the banana. Left: HMC chains (warm-up included) started far out at
 * (-6, 9), each a path with a red start, over the exact density. Right: the reverse SDE of
 * dx = dW from N(0, 25 I) with the empirical score of 500 banana samples (no training).
 */
export const McmcBesideReverseSde: StoryObj<RaceArgs> = {
  name: 'MCMC beside the reverse SDE',
  args: { chains: 3, particles: 1000, steps: 100 },
  argTypes: {
    chains: range('HMC chains on the left, all started at (-6, 9).', 1, 10, 1),
    particles: range('Particles of the reverse SDE on the right.', 100, 5000, 100),
    steps: range('Euler-Maruyama steps of the reverse SDE.', 10, 500, 10),
  },
  render: (args) =>
    figure(960, 480, async (ctx, canvas) => {
      const banana = { type: 'banana' };
      const density = storyRun(1).create('target', banana);
      const x: [number, number] = [-8, 8];
      const y: [number, number] = [-5, 11];
      const left = createPlotFrame({ box: { x: 0, y: 0, width: 480, height: 480 }, x, y, margin: { top: 30 }, equalAspect: true });
      const right = createPlotFrame({ box: { x: 480, y: 0, width: 480, height: 480 }, x, y, margin: { top: 30 }, equalAspect: true });
      markPlot(canvas, left.inner, right.inner);
      for (const frame of [left, right]) drawDensityHeatmap(ctx, frame, gridFromLogDensity(density, frameArea(frame, 2)), { map: 'blues' });

      const chains = storyRun(args.chains);
      const chain = await chains.sample(
        chains.create('data-source', { type: 'gaussian' }),
        chains.create('stage', { type: 'hmc', target: banana, init: { point: [-6, 9] }, leapfrogSteps: 5, warmup: 50, steps: 150, includeWarmup: true }),
      );
      drawPaths(ctx, left, stack(chain, args.chains), { colour: ['#b2182b', '#4d4d4d', '#1b7837', '#762a83'] });
      drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: `HMC: ${args.chains} chain${args.chains === 1 ? '' : 's'}, 200 iterations` });
      await nextFrame();

      const diffusion = storyRun(args.particles, { seed: 2, sde: { type: 'brownian', g: 1, T: 25 } });
      const reverse = await diffusion.sample(
        diffusion.create('data-source', { type: 'prior' }),
        diffusion.create('stage', { type: 'euler-maruyama', score: { type: 'empirical', data: banana, points: 500 }, grid: { type: 'geometric' }, steps: args.steps, tEnd: 1e-2, snapshotEvery: 1 }),
      );
      drawScatter(ctx, right, positionsOf(reverse[reverse.length - 1]), { colour: '#08306b' });
      drawPaths(ctx, right, stack(reverse, 4), { colour: '#e08214', lineWidth: 1 });
      drawAxes(ctx, right, { xLabel: 'x1', yLabel: 'x2', title: `reverse SDE: ${args.particles} particles, ${args.steps} steps` });
    }),
};

interface FieldArgs {
  t: number;
  arrows: number;
}

/** The score of the double Gaussian diffused under dx = dW to time t, over the density p_t: two basins merge into one. */
export const ScoreFieldOverTime: StoryObj<FieldArgs> = {
  name: 'Score field over time',
  args: { t: 0.5, arrows: 20 },
  argTypes: {
    t: range('Diffusion time: the score and density drawn are those of p_t under dx = dW.', 0, 4, 0.01),
    arrows: range('Arrows along each axis.', 5, 40, 1),
  },
  render: (args) =>
    figure(560, 480, async (ctx, canvas) => {
      const { create } = storyRun(1, { sde: { type: 'brownian', g: 1, T: 4 } });
      // Under dx = dW each component's variance grows by t: p_t = 1/2 N((-2, 0), (0.25 + t) I) + 1/2 N((2, 0), (0.25 + t) I).
      const diffused = { type: 'gaussian-mixture', weights: [0.5, 0.5], means: [[-2, 0], [2, 0]], std: Math.sqrt(0.25 + args.t) };
      const frame = createPlotFrame({ width: 560, height: 480, x: [-5, 5], y: [-5, 5], margin: { top: 30, right: 76 }, equalAspect: true });
      markPlot(canvas, frame.inner);
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(create('target', diffused), frameArea(frame, 2)), { map: 'magma', colourBar: 'p_t' });
      const [x0, x1] = frame.x.domain();
      const [y0, y1] = frame.y.domain();
      const field = await scoreField(create('score-model', DOUBLE_GAUSSIAN), { x: [x0, x1], y: [y0, y1], nx: args.arrows, ny: args.arrows }, args.t);
      drawScoreField(ctx, frame, field, { colour: 'white' });
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `score of the double Gaussian at t = ${args.t.toFixed(2)}` });
    }),
};
