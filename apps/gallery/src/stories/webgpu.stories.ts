// WebGPU stories: a pipeline whose stage runs on the GPU (`device: webgpu`, `@scoreflow/webgpu`),
// its particles kept on the device, each snapshot read back and drawn as it arrives.
import { MIXTURE_PRESETS, MIXTURE_PRESET_NAMES, type MixturePreset, type ParticleBatch, diffuseMixture, positionsOf, timesOf } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawDensityHeatmap, drawTitle, frameArea, gridFromLogDensity, histogram2d } from '@scoreflow/viz';
import { acquireGpu, NoGpuAdapterError, webgpuAccelerator } from '@scoreflow/webgpu';
import { lastValueFrom, tap } from 'rxjs';
import { clear, drawMessage, figure, markPlot, nextFrame, whileShown } from '../figure.js';
import { mixtureEntry, storyRun } from '../pipelines.js';
import { range, select } from './controls.js';

const meta: Meta = { title: 'WebGPU' };
export default meta;

const WIDTH = 960;
const HEIGHT = 480;

interface GpuArgs {
  particles: number;
  steps: number;
  frames: number;
  preset: MixturePreset;
}

/**
 * A million particles through Anderson's reverse SDE (Euler-Maruyama, VP SDE, exact score of a
 * mixture) on the GPU in the page: the stage runs with `device: webgpu` (`webgpuAccelerator` of
 * `@scoreflow/webgpu`), the batch is uploaded once (batch size = particles), every step between
 * two snapshots is one fused dispatch, the noise is Philox4x32-10 on the GPU, and each snapshot
 * comes back as a ParticleBatch. Left: the particles' 2-D histogram at t; right: the exact density
 * p_t of the diffused mixture, which the histogram should match at every frame. Where WebGPU is
 * missing (no `navigator.gpu`, no adapter: `NoGpuAdapterError`) the canvas says so and how to get
 * it, and carries `data-webgpu="missing"`.
 */
export const MillionParticlesOnGpu: StoryObj<GpuArgs> = {
  name: 'A million particles on the GPU',
  args: { particles: 1_000_000, steps: 200, frames: 20, preset: 'eight-gaussians' },
  argTypes: {
    particles: range('Particles, all in one batch on the GPU.', 10_000, 4_000_000, 10_000),
    steps: range('Euler-Maruyama steps of the reverse SDE (geometric grid, t from 1 to 0.001).', 10, 1000, 10),
    frames: range('Snapshots read back and drawn (the steps between two are one fused dispatch).', 1, 50, 1),
    preset: select('The mixture whose exact score drives the particles (a preset of `MIXTURE_PRESETS`).', MIXTURE_PRESET_NAMES),
  },
  render: (args) =>
    figure(WIDTH, HEIGHT, async (ctx, canvas) => {
      const left = createPlotFrame({ box: { x: 0, y: 0, width: WIDTH / 2, height: HEIGHT }, x: [-5, 5], y: [-5, 5], margin: { top: 48 }, equalAspect: true });
      const right = createPlotFrame({ box: { x: WIDTH / 2, y: 0, width: WIDTH / 2, height: HEIGHT }, x: [-5, 5], y: [-5, 5], margin: { top: 48 }, equalAspect: true });
      markPlot(canvas, left.inner, right.inner);
      const accelerator = webgpuAccelerator(() => acquireGpu({ label: 'scoreflow gallery' }));
      try {
        const gpu = await accelerator.acquire();
        const adapter = [gpu.adapter.vendor, gpu.adapter.architecture].filter((part) => part !== '').join('/') || 'unnamed adapter';
        canvas.dataset.webgpu = 'ready';
        canvas.dataset.adapter = adapter;
        const score = { type: 'gaussian-mixture', preset: args.preset };
        const steps = Math.max(args.frames, args.steps);
        const { create, run, sde } = storyRun(args.particles, { sde: { type: 'vp' }, batchSize: args.particles, accelerator, signal: whileShown(canvas) });
        const source = create('data-source', { type: 'prior' }, 'source');
        const stage = create(
          'stage',
          { type: 'euler-maruyama', device: 'webgpu', fused: true, score, steps, grid: { type: 'geometric' }, tEnd: 1e-3, snapshotEvery: Math.ceil(steps / args.frames) },
          'pipeline.0',
        );
        const mixture = MIXTURE_PRESETS[args.preset]();
        if (sde === undefined) throw new Error('gallery: the WebGPU story needs its VP SDE');
        const area = frameArea(left, 3);
        const started = performance.now();
        let frames = 0;
        const draw = (batch: ParticleBatch) => {
          const t = timesOf(batch)[0];
          const { mean, std } = sde.marginal(t);
          clear(ctx, WIDTH, HEIGHT);
          drawDensityHeatmap(ctx, left, histogram2d(positionsOf(batch), area, { smooth: 0.7 }), { map: 'magma' });
          drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: `2-D histogram of ${run.particles.toLocaleString('en')} particles` });
          drawDensityHeatmap(ctx, right, gridFromLogDensity(create('target', mixtureEntry(diffuseMixture(mixture, mean, std)), 'target'), area), { map: 'magma' });
          drawAxes(ctx, right, { xLabel: 'x1', yLabel: 'x2', title: 'exact density p_t' });
          const seconds = (performance.now() - started) / 1000;
          drawTitle(ctx, { x: 0, y: 0, width: WIDTH, height: HEIGHT }, `reverse SDE on ${adapter}: t = ${t.toFixed(3)}, ${seconds.toFixed(1)} s`);
          canvas.dataset.frame = String(++frames);
          canvas.dataset.t = String(t);
        };
        await lastValueFrom(source.sample(run).pipe(stage, tap(draw)));
        await nextFrame();
      } catch (error) {
        if (!(error instanceof NoGpuAdapterError)) throw error;
        canvas.dataset.webgpu = 'missing';
        clear(ctx, WIDTH, HEIGHT);
        drawTitle(ctx, { x: 0, y: 0, width: WIDTH, height: HEIGHT }, 'WebGPU is missing in this browser');
        drawMessage(ctx, { x: 40, y: 60, width: WIDTH - 80, height: HEIGHT - 100 }, error.message);
        markPlot(canvas, { x: 40, y: 60, width: WIDTH - 80, height: 80 });
      } finally {
        await accelerator.release();
      }
    }),
};
