import { MIXTURE_PRESETS, collectAll, createRunContext, positionsOf, labelsOf } from '@scoreflow/core';
import { gaussianMixtureSource } from '@scoreflow/data-sources';
import { createPlotFrame, drawAxes, drawScatter, encodeGif } from '@scoreflow/viz';
import { createFigure, rgbaOf } from '@scoreflow/viz/node';
import { type BenchResult, bestOf } from '../measure.js';

/** n samples of the double Gaussian with their labels, one array each. */
async function doubleGaussian(n: number): Promise<{ points: Float32Array; labels: Int32Array }> {
  const run = createRunContext({ name: 'viz', seed: 0, dim: 2, particles: n, batchSize: n });
  const [batch] = await collectAll(gaussianMixtureSource(MIXTURE_PRESETS['double-gaussian']()).sample(run));
  return { points: positionsOf(batch), labels: labelsOf(batch) ?? new Int32Array(n) };
}

/**
 * The Node drawing path of `packages/viz` (issue 7's targets): 100,000 points drawn into a
 * 480 x 480 canvas, and a 60-frame 480 x 480 GIF (20,000 points per frame, axes) drawn and
 * encoded with one global palette.
 */
export async function viz(): Promise<BenchResult> {
  const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 28 } });
  const values = [];
  for (const n of [100_000, 1_000_000]) {
    const { points, labels } = await doubleGaussian(n);
    const ctx = createFigure(480, 480).getContext('2d');
    const ms = await bestOf(5, () => drawScatter(ctx, frame, points, { colour: { by: 'label', labels } }));
    values.push({ name: `drawScatter, ${n.toLocaleString('en')} points coloured by label`, value: ms, unit: 'ms', target: n === 100_000 ? '< 50' : undefined });
  }
  const { points, labels } = await doubleGaussian(20_000);
  const frames = () =>
    Array.from({ length: 60 }, (_, k) => {
      const spread = Math.sqrt(1 + k / 10);
      const canvas = createFigure(480, 480);
      const ctx = canvas.getContext('2d');
      drawScatter(ctx, frame, points.map((v) => v * spread), { colour: { by: 'label', labels } });
      drawAxes(ctx, frame, { title: `frame ${k}` });
      return rgbaOf(canvas);
    });
  const gifMs = await bestOf(1, () => encodeGif(frames(), { delay: 80 }));
  values.push({ name: '60-frame 480 x 480 GIF, drawn and encoded', value: gifMs / 1000, unit: 's', target: '< 3' });
  return { bench: 'pictures (packages/viz, Node)', description: 'double Gaussian samples drawn with @napi-rs/canvas; GIF by gifenc', values };
}
