// Images: Fashion-MNIST garments generated from noise in the page by the trained U-Net.
import { type ScoreModel, type Sde, definePlugin, positionsOf, requireSde, stepsOf, timesOf } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type BuiltNetwork, networkScore, tf } from '@scoreflow/score-nets';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { type Box, drawImageGrid, drawTitle } from '@scoreflow/viz';
import { concatMap, lastValueFrom, map } from 'rxjs';
import { z } from 'zod';
import { clear, figure, markPlot, nextFrame, whileShown } from '../figure.js';
import { SHIPPED_UNET, loadShippedUnet } from '../images/shipped-unet.js';
import { denoised } from '../images/tweedie.js';
import { storyRun } from '../pipelines.js';
import { BROWSER_BACKENDS, type BrowserBackend, selectBrowserBackend } from '../tf-backend.js';
import { range, select } from './controls.js';

const meta: Meta = { title: 'Images' };
export default meta;

const SAMPLERS = ['ancestral', 'ddim', 'dpm-solver-2m'] as const;
type Sampler = (typeof SAMPLERS)[number];
const SAMPLER_NAMES: Record<Sampler, string> = { ancestral: 'DDPM ancestral', ddim: 'DDIM (eta 0)', 'dpm-solver-2m': 'DPM-Solver++(2M)' };

interface FromNoiseArgs {
  sampler: Sampler;
  steps: number;
  images: number;
  seed: number;
  backend: BrowserBackend;
}

/** Pixels darker than this count as background (Fashion-MNIST's background is -1; noise puts 18 % of its pixels there). */
const DARK = -0.9;

/** The share of `pixels` below `DARK`. */
const darkShare = (pixels: Float32Array): number => pixels.reduce((n, v) => (v < DARK ? n + 1 : n), 0) / pixels.length;

/** Score model `shipped-unet`: the loaded network's score under the run's SDE (`networkScore`), as the runner's `network` score model gives it. */
const shippedUnet = (network: BuiltNetwork) =>
  definePlugin({
    kind: 'score-model',
    name: 'shipped-unet',
    description: 'The U-Net trained on 14 x 14 Fashion-MNIST, shipped with the gallery',
    options: z.strictObject({}),
    create: (_options, ctx): ScoreModel => networkScore(network, requireSde(ctx, 'the shipped U-Net'), { name: 'shipped-unet' }),
  });

/**
 * Fashion-MNIST garments generated from noise in the page. The score is a trained network, not a
 * formula: the U-Net of `fashion-mnist-14-train.yaml` (14 x 14 images, 16/32 channels, two levels,
 * eps output) after its 4,000 denoising-score-matching steps, its EMA weights shipped with the
 * gallery (634 KB) and run by TensorFlow.js (wasm) in the page. `images` particles of dimension
 * 196 start as N(0, I) under the VP SDE (beta 0.1 to 20) and go through the chosen sampler of the
 * catalogue to t = 0.001, created from config entries as a run config names them. Left, what the
 * sampler holds at each snapshot (x_t); right, Tweedie's E[x_0 | x_t] = (x_t + s^2 score) / m, the
 * garment the network sees under the noise (one more network evaluation per snapshot). Ancestral
 * sampling in 50 steps gives clean garments; DDIM and DPM-Solver++(2M) in 20 steps leave some noisy
 * (docs/images.md).
 */
export const FashionMnistFromNoise: StoryObj<FromNoiseArgs> = {
  name: 'Fashion-MNIST from noise',
  args: { sampler: 'ancestral', steps: 50, images: 16, seed: 0, backend: 'wasm' },
  argTypes: {
    sampler: select('The sampler: DDPM ancestral (Ho et al. 2020), DDIM (eta 0) or DPM-Solver++(2M), from t = 1 to 0.001.', SAMPLERS),
    steps: range('Sampler steps (network evaluations: one a step).', 5, 200, 5),
    images: range('Images generated (particles of dimension 14 x 14 = 196).', 1, 64, 1),
    seed: range('Seed of the starting noise (and of the ancestral sampler).', 0, 20, 1),
    backend: select('TensorFlow.js backend in the page.', BROWSER_BACKENDS),
  },
  render: (args) =>
    figure(960, 540, async (ctx, canvas) => {
      const signal = whileShown(canvas);
      const backend = await selectBrowserBackend(args.backend);
      canvas.dataset.backend = backend;
      const tensorsBefore = tf.memory().numTensors;
      const loaded = await loadShippedUnet();
      const { height: h, width: w } = SHIPPED_UNET;
      const panels: Box[] = [0, 1].map((k) => ({ x: 8 + 480 * k, y: 56, width: 464, height: 476 }));
      markPlot(canvas, ...panels);
      try {
        const { run, create, sde } = storyRun(args.images, { dim: h * w, seed: args.seed, sde: SHIPPED_UNET.sde, signal, registry: createBrowserRegistry([shippedUnet(loaded.network)]) });
        if (sde === undefined) throw new Error('gallery: the run names an SDE');
        const score = create('score-model', { type: 'shipped-unet' }, 'score');
        const every = Math.max(1, Math.round(args.steps / 25));
        const stage = create('stage', { type: args.sampler, score: { type: 'shipped-unet' }, steps: args.steps, tEnd: 0.001, snapshotEvery: every }, 'pipeline.0');
        const source = create('data-source', { type: 'prior' }, 'source');
        const started = performance.now();
        const draw = async (x: Float32Array, t: number, step: number) => {
          const x0 = await tweedieOf(score, sde, x, t);
          clear(ctx, 960, 540);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          drawTitle(ctx, { x: 0, y: 0, width: 960, height: 30 }, `Fashion-MNIST 14 × 14 from noise, trained U-Net (${SHIPPED_UNET.steps.toLocaleString('en')} steps) on ${backend}: ${SAMPLER_NAMES[args.sampler]}, step ${step} of ${args.steps}, t = ${t.toFixed(3)}, ${seconds} s`);
          drawTitle(ctx, { x: 0, y: 28, width: 480, height: 24 }, 'x_t: what the sampler holds', { size: 12, top: 4 });
          drawTitle(ctx, { x: 480, y: 28, width: 480, height: 24 }, 'E[x_0 | x_t] = (x_t + s² score) / m (Tweedie)', { size: 12, top: 4 });
          drawImageGrid(ctx, panels[0], { pixels: x, height: h, width: w });
          drawImageGrid(ctx, panels[1], { pixels: x0, height: h, width: w });
          canvas.dataset.frame = String(Number(canvas.dataset.frame ?? 0) + 1);
          canvas.dataset.t = String(t);
          canvas.dataset.dark = darkShare(x).toFixed(3);
          canvas.dataset.darkStart ??= canvas.dataset.dark;
          await nextFrame();
        };
        // Each snapshot is drawn as it arrives (copied first: the sampler moves on while the network denoises it).
        await lastValueFrom(
          source.sample(run).pipe(
            stage,
            map((batch) => ({ x: positionsOf(batch).slice(), t: timesOf(batch)[0], step: stepsOf(batch)[0] })),
            concatMap(({ x, t, step }) => draw(x, t, step)),
          ),
          { defaultValue: undefined },
        );
      } finally {
        loaded.network.dispose();
        loaded.ema?.dispose();
        canvas.dataset.tensors = String(tf.memory().numTensors - tensorsBefore);
      }
    }),
};

/** Tweedie's E[x_0 | x_t] for the particles `x` at time t, from one evaluation of `score`. */
async function tweedieOf(score: ScoreModel, sde: Sde, x: Float32Array, t: number): Promise<Float32Array> {
  const s = new Float32Array(x.length);
  await score.score(x, t, s);
  return denoised(x, s, sde.marginal(t), new Float32Array(x.length));
}
