// Training stories: a score network learns in the page by denoising score matching in score-nets'
// training session (the one the runner's `train` uses), then samples through the reverse SDE.
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type ParticleBatch, type PluginConfig, type ScoreModel, definePlugin, describeSource, diffuseMixture, diffusedSample, positionsOf, scoreErrorAt, timesOf } from '@scoreflow/core';
import { type SessionStep, mlpScoreNetwork, networkScore, tf, trainingSession } from '@scoreflow/score-nets';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { z } from 'zod';
import { type DensityGrid, type VectorField, createPlotFrame, drawAxes, drawDensityHeatmap, drawLegend, drawLineChart, drawScatter, drawScoreField, frameArea, gridFromLogDensity, histogram2d, scoreField } from '@scoreflow/viz';
import { clear, figure, markPlot, nextFrame, sleep, whileShown } from '../figure.js';
import { mixtureEntry, runContext, sampleOf, storyRun } from '../pipelines.js';
import { BROWSER_BACKENDS, type BrowserBackend, selectBrowserBackend } from '../tf-backend.js';
import { number, range, select } from './controls.js';

const meta: Meta = { title: 'Training' };
export default meta;

const DATA_SETS = ['double-gaussian', 'two-moons'] as const;
type DataSet = (typeof DATA_SETS)[number];
const DATA_COLOUR = '#969696';
const SAMPLE_COLOUR = '#08519c';

interface TrainingArgs {
  dataSet: DataSet;
  backend: BrowserBackend;
  steps: number;
  width: number;
  depth: number;
  learningRate: number;
  batchSize: number;
  t: number;
  samples: number;
  sampleSteps: number;
}

/** The config entry of a data set's source (for the double Gaussian, of its exact score too). */
const DATA: Record<DataSet, PluginConfig> = {
  'double-gaussian': { type: 'gaussian-mixture', preset: 'double-gaussian' },
  'two-moons': { type: 'two-moons', preset: 'standard' },
};

/**
 * The story's own score-model plugin, `page-network`: `score`, the network trained in the page, so
 * that the reverse SDE is a stage created from a config entry (`score: { type: page-network }`)
 * like any other, through the catalogue's registry with this plugin added.
 */
const pageNetwork = (score: ScoreModel) =>
  definePlugin({ kind: 'score-model', name: 'page-network', description: 'The score network trained in the page', options: z.strictObject({}), create: () => score });

/**
 * An MLP score network (eps output, Fourier time features) trains in the page by denoising score
 * matching (Song et al. 2021, eq. 7) under the VP SDE (beta 0.1 to 20, T = 1), on the double
 * Gaussian or two moons, in score-nets' `trainingSession` (the runner's `train` runs the same). Top:
 * the loss and its moving average against the step, from the session's steps. Below, redrawn as it
 * trains: the learned score at time `t` over p_t; beside it the exact score of p_t (double
 * Gaussian; the title of the learned panel gives core's `scoreErrorAt`, the relative MSE over
 * samples of p_t, as `train` reports it) or samples of p_t (two moons; core's `diffusedSample`);
 * then the data, and after training the reverse SDE (Euler-Maruyama, the EMA weights through
 * `networkScore`) carrying `samples` particles from N(0, I) to the data. Training stops when the
 * story unmounts; every tensor is disposed (`data-tensors` counts leaks).
 */
export const ScoreNetworkLive: StoryObj<TrainingArgs> = {
  name: 'Score network, live',
  args: { dataSet: 'double-gaussian', backend: 'wasm', steps: 500, width: 32, depth: 2, learningRate: 0.01, batchSize: 256, t: 0.1, samples: 2000, sampleSteps: 100 },
  argTypes: {
    dataSet: select('The data learned: the double Gaussian (exact score known) or two moons.', DATA_SETS),
    backend: select('TensorFlow.js backend in the page.', BROWSER_BACKENDS),
    steps: range('Training steps (Adam).', 50, 5000, 50),
    width: range('Units per hidden layer of the MLP.', 8, 256, 8),
    depth: range('Hidden layers of the MLP.', 1, 6, 1),
    learningRate: number("Adam's learning rate.", 1e-4, 0.1, 1e-4),
    batchSize: range('Data points per training step.', 32, 4096, 32),
    t: range('Diffusion time at which the learned and exact scores are drawn.', 0.01, 1, 0.01),
    samples: range('Data points drawn, and particles sampled by the reverse SDE.', 100, 10_000, 100),
    sampleSteps: range('Euler-Maruyama steps of the reverse SDE after training.', 10, 1000, 10),
  },
  render: (args) =>
    figure(960, 660, async (ctx, canvas) => {
      const signal = whileShown(canvas);
      const backend = await selectBrowserBackend(args.backend);
      canvas.dataset.backend = backend;
      const tensorsBefore = tf.memory().numTensors;
      const { sde, create } = storyRun(1, { sde: { type: 'vp' } });
      if (sde === undefined) throw new Error('gallery: the run names an SDE');
      const source = create('data-source', DATA[args.dataSet], 'source');
      const law = describeSource(source);
      const mixture = law.kind === 'mixture' ? law.mixture : undefined;
      const session = await trainingSession({
        network: { dim: 2, width: args.width, depth: args.depth },
        sde,
        data: source,
        steps: args.steps,
        batchSize: args.batchSize,
        poolSize: 8192,
        learningRate: args.learningRate,
        signal,
      });
      const score = networkScore(session.network, sde);
      const sampling = mlpScoreNetwork(session.network.options);
      try {
        // Layout: the loss across the top; the learned field, the reference and the samples below.
        const lossFrame = (domain: [number, number]) =>
          createPlotFrame({ box: { x: 0, y: 0, width: 960, height: 250 }, x: [0, args.steps], y: domain, margin: { top: 30, left: 64, right: 24, bottom: 44 } });
        const panel = (k: number) =>
          createPlotFrame({ box: { x: 320 * k, y: 250, width: 320, height: 410 }, x: [-4, 4], y: [-4, 4], margin: { top: 30, left: 48, right: 12, bottom: 44 }, equalAspect: true });
        const [learnedFrame, referenceFrame, samplesFrame] = [panel(0), panel(1), panel(2)];
        markPlot(canvas, lossFrame([0, 1]).inner, learnedFrame.inner, referenceFrame.inner, samplesFrame.inner);
        const [x0, x1] = learnedFrame.x.domain();
        const [y0, y1] = learnedFrame.y.domain();
        const arrows = { x: [x0, x1] as [number, number], y: [y0, y1] as [number, number], nx: 17, ny: 17 };

        // What does not change while training: p_t (exact, or a histogram of m x_0 + s eps), the exact field, the data.
        const { mean: m, std: s } = sde.marginal(args.t);
        const data = await sampleOf(source, args.samples, 1);
        const diffusedPoints = (await diffusedSample(source, runContext(args.samples * 4, 2, 3), sde))(args.t);
        const exact = mixture && create('score-model', mixtureEntry(mixture), 'score');
        let backdrop: DensityGrid;
        let exactField: VectorField | undefined;
        if (mixture && exact) {
          backdrop = gridFromLogDensity(create('target', mixtureEntry(diffuseMixture(mixture, m, s)), 'target'), frameArea(learnedFrame, 2));
          exactField = await scoreField(exact, arrows, args.t);
        } else {
          const area = frameArea(learnedFrame);
          backdrop = histogram2d(diffusedPoints, { x: area.x, y: area.y, nx: 64, ny: 64 }, { smooth: 1.5 });
        }

        const history: SessionStep[] = [];
        let field: VectorField | undefined;
        let error = '';
        const drawLoss = () => {
          const ceiling = Math.max(1e-3, ...history.map((p) => p.loss));
          const frame = lossFrame([0, 1.05 * ceiling]);
          const steps = history.map((p) => p.step);
          drawLineChart(
            ctx,
            frame,
            [
              { name: 'loss of the step', x: steps, y: history.map((p) => p.loss), colour: '#9ecae1', markers: false },
              { name: 'moving average', x: steps, y: history.map((p) => p.average), colour: '#08519c', markers: false },
            ],
            { legend: 'top-right' },
          );
          const last = history[history.length - 1];
          const progress = last ? `step ${last.step} of ${args.steps}, ${last.stepsPerSecond.toFixed(0)} steps/s` : 'starting';
          drawAxes(ctx, frame, {
            xLabel: 'training step',
            yLabel: 'DSM loss',
            title: `denoising score matching on ${args.dataSet}, VP SDE, MLP ${args.depth} x ${args.width} on ${backend}: ${progress}`,
            grid: true,
          });
        };
        const drawField = async (recompute: boolean) => {
          if (recompute || field === undefined) {
            field = await scoreField(score, arrows, args.t);
            // The relative MSE over samples of p_t, as `scoreflow train` reports it (core's scoreErrorAt).
            if (exact) error = `, relative MSE ${(await scoreErrorAt([score], exact, diffusedPoints.subarray(0, 2 * args.samples), args.t)).relativeMse[0].toPrecision(2)}`;
          }
          drawDensityHeatmap(ctx, learnedFrame, backdrop, { map: 'magma' });
          drawScoreField(ctx, learnedFrame, field, { colour: 'white' });
          drawAxes(ctx, learnedFrame, { xLabel: 'x1', yLabel: 'x2', title: `learned score at t = ${args.t.toFixed(2)}${error}` });
        };
        const drawReference = () => {
          drawDensityHeatmap(ctx, referenceFrame, backdrop, { map: 'magma' });
          if (exactField) drawScoreField(ctx, referenceFrame, exactField, { colour: 'white' });
          else if (diffusedPoints) drawScatter(ctx, referenceFrame, diffusedPoints.subarray(0, 2 * args.samples), { colour: 'white' });
          drawAxes(ctx, referenceFrame, { xLabel: 'x1', yLabel: 'x2', title: exactField ? `exact score at t = ${args.t.toFixed(2)}` : `samples of p_t at t = ${args.t.toFixed(2)}` });
        };
        const drawSamples = (title: string, batch?: ParticleBatch) => {
          drawScatter(ctx, samplesFrame, data.positions, { colour: DATA_COLOUR, opacity: 0.8 });
          if (batch) drawScatter(ctx, samplesFrame, positionsOf(batch), { colour: SAMPLE_COLOUR, opacity: 0.5 });
          drawLegend(ctx, samplesFrame, [{ name: 'data', colour: DATA_COLOUR }, ...(batch ? [{ name: 'reverse SDE', colour: SAMPLE_COLOUR }] : [])], 'bottom-left');
          drawAxes(ctx, samplesFrame, { xLabel: 'x1', yLabel: 'x2', title });
        };
        const drawTraining = async () => {
          clear(ctx, 960, 660);
          drawLoss();
          drawReference();
          drawSamples(`data: ${args.samples.toLocaleString('en')} samples`);
          await drawField(true);
          canvas.dataset.frame = String(Number(canvas.dataset.frame ?? 0) + 1);
        };

        // Training: redraw every 100 ms while the session runs (it yields to the event loop, so the page paints).
        let finished = false;
        const training = session.run({ onStep: (step) => history.push(step) }).finally(() => (finished = true));
        while (!finished) {
          await drawTraining();
          await sleep(100);
        }
        const outcome = await training;
        if (outcome.error !== undefined) throw outcome.error;
        if (signal.aborted) return;
        canvas.dataset.step = String(history[history.length - 1]?.step ?? 0);
        await drawTraining();

        // Sampling: the reverse SDE from N(0, I) with the learned score (EMA weights), one frame per snapshot.
        session.ema.copyTo(sampling);
        const reverse = storyRun(args.samples, { seed: 4, sde: { type: 'vp' }, signal, registry: createBrowserRegistry([pageNetwork(networkScore(sampling, sde))]) });
        const snapshots = await reverse.sample(
          reverse.create('data-source', { type: 'prior' }, 'source'),
          reverse.create('stage', { type: 'euler-maruyama', score: { type: 'page-network' }, steps: args.sampleSteps, snapshotEvery: Math.max(1, Math.round(args.sampleSteps / 25)) }, 'pipeline.0'),
        );
        for (const [k, batch] of snapshots.entries()) {
          if (signal.aborted) return;
          clear(ctx, 960, 660);
          drawLoss();
          drawReference();
          await drawField(false);
          const title = k === snapshots.length - 1 ? `${args.samples.toLocaleString('en')} samples, learned score` : `reverse SDE: t = ${timesOf(batch)[0].toFixed(2)}`;
          drawSamples(title, batch);
          canvas.dataset.frame = String(Number(canvas.dataset.frame ?? 0) + 1);
          await nextFrame();
        }
      } finally {
        sampling.dispose();
        session.dispose();
        canvas.dataset.tensors = String(tf.memory().numTensors - tensorsBefore);
      }
    }),
};
