/**
 * Renders one example of every drawing function into a folder, to look at:
 *   npx tsx --conditions=development scripts/render-examples.ts [out-dir]   (default /tmp/viz-examples)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIXTURE_PRESETS, banana, createRng } from '@scoreflow/core';
import {
  chainLegend,
  createPlotFrame,
  drawAxes,
  drawChainTrace,
  drawDensityHeatmap,
  drawImageGrid,
  drawLegendRow,
  drawLineChart,
  drawPaths,
  drawScatter,
  drawScoreField,
  drawTitle,
  frameArea,
  gridFromLogDensity,
  histogram2d,
  scoreField,
} from '../src/index.js';
import { createFigure, saveGif, savePng } from '../src/node/index.js';

const out = process.argv[2] ?? '/tmp/viz-examples';
mkdirSync(out, { recursive: true });
const rng = createRng(1);

/** n samples of the double Gaussian (means (+-2, 0), std 0.5), labels by component. */
function doubleGaussian(n: number): { x: Float32Array; labels: Int32Array } {
  const { means, stds } = MIXTURE_PRESETS['double-gaussian']();
  const x = rng.normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 1 });
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 2;
    labels[i] = k;
    x[2 * i] = means[2 * k] + stds[2 * k] * x[2 * i];
    x[2 * i + 1] = means[2 * k + 1] + stds[2 * k + 1] * x[2 * i + 1];
  }
  return { x, labels };
}

async function main(): Promise<void> {
  const { x, labels } = doubleGaussian(100_000);
  {
    const canvas = createFigure(480, 480);
    const ctx = canvas.getContext('2d');
    const frame = createPlotFrame({ width: 480, height: 480, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 28 } });
    drawScatter(ctx, frame, x, { colour: { by: 'label', labels }, highlight: { indices: [0, 1, 2, 3] } });
    drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: 'scatter, 100,000 points by label' });
    await savePng(canvas, join(out, 'scatter.png'));
  }
  {
    const canvas = createFigure(540, 480);
    const ctx = canvas.getContext('2d');
    const frame = createPlotFrame({ width: 540, height: 480, x: [-4.5, 4.5], y: [-4.5, 4.5], margin: { top: 28, right: 76 } });
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    const logDensity = (p: Float32Array, o: Float64Array) => {
      for (let i = 0; i < o.length; i++) {
        let s = 0;
        for (let k = 0; k < 2; k++) {
          const dx = (p[2 * i] - mixture.means[2 * k]) / mixture.stds[2 * k];
          const dy = (p[2 * i + 1] - mixture.means[2 * k + 1]) / mixture.stds[2 * k + 1];
          s += 0.5 * Math.exp(-0.5 * (dx * dx + dy * dy)) / (2 * Math.PI * mixture.stds[2 * k] * mixture.stds[2 * k + 1]);
        }
        o[i] = Math.log(s);
      }
      return o;
    };
    drawDensityHeatmap(ctx, frame, gridFromLogDensity(logDensity, frameArea(frame)), { colourBar: true });
    drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: 'density heatmap' });
    await savePng(canvas, join(out, 'heatmap.png'));
    const hist = createFigure(540, 480);
    const hctx = hist.getContext('2d');
    drawDensityHeatmap(hctx, frame, histogram2d(x.subarray(0, 20_000), { x: [-4.5, 4.5], y: [-4.5, 4.5], nx: 90, ny: 90 }, { smooth: 1.5 }), { colourBar: 'density (KDE)' });
    drawAxes(hctx, frame, { xLabel: 'x1', yLabel: 'x2', title: 'binned KDE of 20,000 samples' });
    await savePng(hist, join(out, 'histogram.png'));
  }
  {
    const target = banana();
    const canvas = createFigure(540, 480);
    const ctx = canvas.getContext('2d');
    const frame = createPlotFrame({ width: 540, height: 480, x: [-7, 7], y: [-4, 10], margin: { top: 28, right: 76 } });
    drawDensityHeatmap(ctx, frame, gridFromLogDensity(target, frameArea(frame)), { scale: 'log', colourBar: true, map: 'viridis' });
    const field = await scoreField((p, o) => void target.gradLogDensity(p, o), { x: [-7, 7], y: [-4, 10], nx: 18, ny: 18 });
    drawScoreField(ctx, frame, field);
    drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: 'banana: log density and score' });
    await savePng(canvas, join(out, 'score-field.png'));
  }
  {
    const paths = 6;
    const steps = 300;
    const positions = new Float32Array(paths * steps * 2);
    const noise = rng.normal(new Float32Array(paths * steps * 2), { first: 0, count: paths * steps }, 2, { step: 0, stream: 2 });
    for (let p = 0; p < paths; p++) {
      positions[2 * p] = 3 * Math.cos(p);
      positions[2 * p + 1] = 3 * Math.sin(p);
    }
    for (let s = 1; s < steps; s++) for (let k = 0; k < 2 * paths; k++) positions[s * 2 * paths + k] = positions[(s - 1) * 2 * paths + k] + 0.15 * noise[s * 2 * paths + k];
    const canvas = createFigure(480, 480);
    const ctx = canvas.getContext('2d');
    const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 28 } });
    drawPaths(ctx, frame, { paths, steps, dim: 2, positions });
    drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: 'random walks, red starts' });
    await savePng(canvas, join(out, 'paths.png'));
    const trace = createFigure(640, 280);
    const tctx = trace.getContext('2d');
    // The title, then the legend in a row of its own, then the plot: the legend covers no trace.
    const tframe = createPlotFrame({ width: 640, height: 280, x: [0, steps - 1], y: [-7, 7], margin: { top: 52 } });
    drawChainTrace(tctx, tframe, { paths: 3, steps, dim: 2, positions: positions.filter((_, k) => (k >> 1) % paths < 3) }, { legend: false });
    drawAxes(tctx, tframe, { xLabel: 'iteration', yLabel: 'x1' });
    drawTitle(tctx, { x: 0, y: 0, width: 640, height: 280 }, 'chain traces', { size: 13 });
    drawLegendRow(tctx, { x: 0, y: 28, width: 640, height: 20 }, chainLegend(3));
    await savePng(trace, join(out, 'trace.png'));
  }
  {
    const nfe = [5, 10, 20, 50, 100, 200, 500, 1000];
    const canvas = createFigure(480, 360);
    const ctx = canvas.getContext('2d');
    const frame = createPlotFrame({ width: 480, height: 360, x: [4, 1200], y: [1e-3, 2], xLog: true, yLog: true, margin: { top: 28 } });
    drawLineChart(ctx, frame, [
      { name: 'euler-maruyama', x: nfe, y: nfe.map((n) => 3 / n) },
      { name: 'heun', x: nfe, y: nfe.map((n) => 8 / (n * n) + 0.002), dash: [5, 3] },
    ]);
    drawAxes(ctx, frame, { xLabel: 'NFE', yLabel: 'sliced W2', title: 'quality against NFE', grid: true });
    await savePng(canvas, join(out, 'line-chart.png'));
  }
  {
    const n = 16;
    const size = 28;
    const pixels = new Float32Array(n * size * size);
    for (let m = 0; m < n; m++) for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels[(m * size + y) * size + x] = Math.cos((x + m) / 4) * Math.sin((y * (m + 1)) / 20);
    const canvas = createFigure(320, 320);
    drawImageGrid(canvas.getContext('2d'), { x: 8, y: 8, width: 304, height: 304 }, { pixels, height: size, width: size });
    await savePng(canvas, join(out, 'image-grid.png'));
  }
  {
    const frames = [];
    for (let f = 0; f < 20; f++) {
      const t = f * 0.2;
      const spread = Math.sqrt(1 + t / 0.25);
      const moved = x.subarray(0, 40_000).map((v, k) => (k % 2 === 0 ? v + (v > 0 ? 0 : 0) : v) * 1);
      for (let i = 0; i < moved.length; i++) moved[i] = (moved[i] - (i % 2 === 0 ? (labels[i >> 1] === 0 ? -2 : 2) : 0)) * spread + (i % 2 === 0 ? (labels[i >> 1] === 0 ? -2 : 2) : 0);
      const canvas = createFigure(480, 480);
      const ctx = canvas.getContext('2d');
      const frame = createPlotFrame({ width: 480, height: 480, x: [-9, 9], y: [-9, 9], margin: { top: 28 } });
      drawScatter(ctx, frame, moved, { colour: { by: 'label', labels } });
      drawAxes(ctx, frame, { title: `t = ${t.toFixed(1)}` });
      frames.push(canvas);
    }
    await saveGif(frames, join(out, 'animation.gif'), { delay: 100 });
  }
  console.log(`wrote ${out}`);
}

await main();
