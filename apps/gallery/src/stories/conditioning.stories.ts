// Conditioning stories (docs/conditioning.md): guidance with a scale slider, and inpainting on a
// line x1 = a that the reader drags.
import { MIXTURE_PRESETS, type PluginConfig, gaussianMixture, positionsOf } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawDensityHeatmap, drawLineChart, drawScatter, frameArea, gridFromLogDensity } from '@scoreflow/viz';
import { lineConditional, nearestShare } from '../conditioning/index.js';
import { figure, markPlot } from '../figure.js';
import { storyRun } from '../pipelines.js';
import { range, select } from './controls.js';

const meta: Meta = { title: 'Conditioning' };
export default meta;

/** The eight Gaussians in two classes, as eight-gaussians-guidance.yaml splits them: modes at 0 to 135 degrees (class 0) and 180 to 315 (class 1). */
const CLASSES = [0, 0, 0, 0, 1, 1, 1, 1];
const GUIDANCE_METHODS = ['classifier-guidance', 'classifier-free-guidance'] as const;

interface GuidanceArgs {
  scale: number;
  label: number;
  method: (typeof GUIDANCE_METHODS)[number];
  particles: number;
}

/**
 * Class-conditional sampling of the eight Gaussians with the exact guided score: the
 * `classifier-guidance` plugin's s + w grad log p_t(y | x) (the mixture's exact noisy classifier,
 * Dhariwal & Nichol 2021) or the `classifier-free-guidance` plugin's s_u + gamma (s_c - s_u) with
 * exact parts (Ho & Salimans 2022), the same field at gamma = w. Scale 0 samples all eight modes,
 * 1 exactly the four of class y, more pushes the samples further from the other class (not a
 * tempered law: docs/conditioning.md). DPM-Solver++(2M), 20 steps under the VP SDE, over the
 * mixture's density; the title gives the share of samples nearest a mode of class y.
 */
export const GuidanceScale: StoryObj<GuidanceArgs> = {
  name: 'Guidance scale',
  args: { scale: 1, label: 1, method: 'classifier-guidance', particles: 4000 },
  argTypes: {
    scale: range('The guidance scale: w of classifier guidance, gamma of classifier-free guidance (0: unconditional, 1: the exact conditional).', 0, 8, 0.1),
    label: select('The class y: 0 (modes at 0 to 135 degrees) or 1 (180 to 315 degrees).', [0, 1]),
    method: select('The guided score plugin (exact parts: both give the same field).', GUIDANCE_METHODS),
    particles: range('Particles sampled from N(0, I) through the reverse probability-flow ODE.', 500, 20_000, 500),
  },
  render: (args) =>
    figure(520, 520, async (ctx, canvas) => {
      const { create, sample } = storyRun(args.particles, { sde: { type: 'vp' } });
      const score: PluginConfig = { type: args.method, preset: 'eight-gaussians', classes: CLASSES, label: args.label, scale: args.scale };
      const [last] = (
        await sample(
          create('data-source', { type: 'prior' }, 'source'),
          create('stage', { type: 'dpm-solver-2m', score, steps: 20, grid: { type: 'karras' }, tEnd: 1e-3, snapshotEvery: 20, includeInitial: false }, 'pipeline.0'),
        )
      ).slice(-1);
      const x = positionsOf(last);
      const frame = createPlotFrame({ width: 520, height: 520, x: [-5, 5], y: [-5, 5], margin: { top: 30 }, equalAspect: true });
      markPlot(canvas, frame.inner);
      drawDensityHeatmap(ctx, frame, gridFromLogDensity(create('target', { type: 'gaussian-mixture', preset: 'eight-gaussians' }), frameArea(frame, 2)), { map: 'blues' });
      drawScatter(ctx, frame, x, { colour: '#d94801', radius: 1.5 });
      const share = nearestShare(x, MIXTURE_PRESETS['eight-gaussians']().means, CLASSES, args.label);
      const symbol = args.method === 'classifier-guidance' ? 'w' : 'gamma';
      drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${args.method}, y = ${args.label}, ${symbol} = ${args.scale.toFixed(1)}: ${(100 * share).toFixed(1)}% in class y` });
      canvas.dataset.share = String(share);
    }),
};

/** The two-mode mixture of the inpainting configs (apps/runner/configs/conditioning). */
const TWO_MODES = { means: [[-2, -2], [2, 2]], std: 0.8 };
const INPAINTING_METHODS = ['posterior', 'replacement', 'twisted-smc'] as const;
type InpaintingMethod = (typeof INPAINTING_METHODS)[number];

/** The stage entry of each inpainting method, observing x1 = a. */
function inpaintingStage(method: InpaintingMethod, a: number, steps: number): PluginConfig {
  const observation = { A: [[1, 0]], y: [a] };
  const common = { steps, tEnd: 1e-3, snapshotEvery: steps, includeInitial: false };
  if (method === 'posterior') return { type: 'euler-maruyama', score: { type: 'posterior', ...TWO_MODES, observation }, ...common };
  const score = { type: 'gaussian-mixture', ...TWO_MODES };
  if (method === 'replacement') return { type: 'replacement', score, observation, ...common };
  return { type: 'twisted-smc', score, observation: { ...observation, sigma: 0.05 }, ...common };
}

interface InpaintingArgs {
  a: number;
  method: InpaintingMethod;
  particles: number;
  steps: number;
}

const BINS = 40;

/**
 * Inpainting x1 = a on two Gaussians at (-2, -2) and (2, 2), std 0.8: drag the red line (or set
 * `a`) and the sampler redraws. `posterior`: the reverse SDE with the exact posterior score (a
 * Kalman update per component, docs/conditioning.md); `replacement`: score_sde's inpainter, x1
 * reset to the forward-diffused observation after every step (biased: at a = 0.25 the upper mode
 * gets about 0.58 of the particles instead of 0.83); `twisted-smc`: the twisted diffusion sampler
 * (Wu et al. 2023) observing x1 = a with noise 0.05. Left: the samples over p_0; right: the
 * histogram of their x2 against the exact p(x2 | x1 = a), with E[x2 | x1 = a] sampled (± one
 * standard error) and exact in the title.
 */
export const InpaintingLine: StoryObj<InpaintingArgs> = {
  name: 'Inpainting on a line you drag',
  args: { a: 0.25, method: 'posterior', particles: 2000, steps: 200 },
  argTypes: {
    a: range('Where the line x1 = a observes the sample (drag the line on the canvas).', -4, 4, 0.05),
    method: select('The conditioning sampler: exact posterior score, replacement or twisted SMC.', INPAINTING_METHODS),
    particles: range('Particles from N(0, I) under the VP SDE.', 200, 10_000, 100),
    steps: range('Steps of the sampler.', 20, 1000, 10),
  },
  render: (args) =>
    figure(860, 480, async (ctx, canvas) => {
      const left = createPlotFrame({ box: { x: 0, y: 0, width: 480, height: 480 }, x: [-5, 5], y: [-5, 5], margin: { top: 30 }, equalAspect: true });
      const right = createPlotFrame({ box: { x: 480, y: 0, width: 380, height: 480 }, x: [-5, 5], y: [0, 1], margin: { top: 30 } });
      markPlot(canvas, left.inner, right.inner);
      const mixture = gaussianMixture(TWO_MODES);
      const density = gridFromLogDensity(storyRun(1).create('target', { type: 'gaussian-mixture', ...TWO_MODES }), frameArea(left, 2));
      const drawJoint = (a: number, x?: Float32Array) => {
        ctx.save();
        ctx.fillStyle = 'white';
        ctx.fillRect(left.box.x, left.box.y, left.box.width, left.box.height);
        ctx.restore();
        drawDensityHeatmap(ctx, left, density, { map: 'blues' });
        ctx.save();
        ctx.strokeStyle = '#d7301f';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(left.x(a), left.inner.y);
        ctx.lineTo(left.x(a), left.inner.y + left.inner.height);
        ctx.stroke();
        ctx.restore();
        // The samples over the line: where the sampler put them along it.
        if (x !== undefined) drawScatter(ctx, left, x, { colour: '#252525', radius: 1.5 });
        drawAxes(ctx, left, { xLabel: 'x1', yLabel: 'x2', title: `${args.method}: x1 = ${a.toFixed(2)}, ${args.particles} particles` });
      };
      const sampleAt = async (a: number) => {
        canvas.dataset.state = 'drawing';
        canvas.dataset.a = String(a);
        const { create, sample } = storyRun(args.particles, { sde: { type: 'vp' } });
        const [last] = (await sample(create('data-source', { type: 'prior' }, 'source'), create('stage', inpaintingStage(args.method, a, args.steps), 'pipeline.0'))).slice(-1);
        const x = positionsOf(last);
        const n = x.length / 2;
        const x2 = Float64Array.from({ length: n }, (_, i) => x[2 * i + 1]);
        const mean = x2.reduce((sum, v) => sum + v, 0) / n;
        const se = Math.sqrt(x2.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) / n);
        const exact = lineConditional(mixture, a);
        drawJoint(a, x);
        const centres = Float64Array.from({ length: BINS }, (_, b) => -5 + (b + 0.5) * (10 / BINS));
        const counts = new Float64Array(BINS);
        for (const v of x2) if (v >= -5 && v < 5) counts[Math.floor(((v + 5) * BINS) / 10)] += BINS / 10 / n;
        const curve = Float64Array.from({ length: 201 }, (_, k) => -5 + k * 0.05);
        const series = [
          { name: 'samples (histogram)', x: centres, y: counts, colour: '#252525', markers: true },
          { name: 'exact p(x2 | x1 = a)', x: curve, y: curve.map((v) => exact.density(v)), colour: '#d7301f' },
        ];
        ctx.save();
        ctx.fillStyle = 'white';
        ctx.fillRect(right.box.x, right.box.y, right.box.width, right.box.height);
        ctx.restore();
        const top = 1.1 * Math.max(...counts, ...series[1].y);
        const chart = createPlotFrame({ box: right.box, x: [-5, 5], y: [0, top], margin: { top: 30 } });
        drawLineChart(ctx, chart, series, { legend: 'top-right' });
        drawAxes(ctx, chart, { xLabel: 'x2', yLabel: 'density', title: `E[x2 | x1 = a]: ${mean.toFixed(2)} ± ${se.toFixed(2)}, exact ${exact.mean.toFixed(2)}` });
        Object.assign(canvas.dataset, { mean: String(mean), se: String(se), exact: String(exact.mean), state: 'done' });
      };
      // Dragging the line moves it; letting go samples again at the new a.
      let dragging = false;
      let a = args.a;
      const at = (event: PointerEvent) => Math.min(4.5, Math.max(-4.5, left.x.invert(event.offsetX)));
      canvas.addEventListener('pointerdown', (event) => {
        if (canvas.dataset.state !== 'done' || Math.abs(left.x(a) - event.offsetX) > 12) return;
        dragging = true;
        canvas.setPointerCapture(event.pointerId);
      });
      canvas.addEventListener('pointermove', (event) => {
        if (!dragging) return;
        a = at(event);
        drawJoint(a);
      });
      canvas.addEventListener('pointerup', (event) => {
        if (!dragging) return;
        dragging = false;
        a = at(event);
        sampleAt(a).catch((error: unknown) => {
          canvas.dataset.state = 'error';
          canvas.dataset.error = error instanceof Error ? error.message : String(error);
        });
      });
      canvas.style.cursor = 'ew-resize';
      drawJoint(a);
      await sampleAt(a);
    }),
};
