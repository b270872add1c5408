import type { AnyPlugin, FigureInput, FigureSnapshot, MeasuredSnapshot, PluginConfig } from '@scoreflow/core';
import type { z } from 'zod';

/** The dimension of the fixture: a square (images of 2 x 2) with at least the two coordinates planar figures draw. */
export const FIGURE_DIM = 4;

/**
 * The smallest config entry of a figure plugin that draws something from a run with a reference
 * and metrics: its `type`, a `file` of the extension its options accept (PNG or GIF), and
 * `reference: true` where the figure has that option (a figure with none of its sources set,
 * e.g. `density`, draws the reference). Read from the plugin's options schema, so that a new
 * figure needs no entry here.
 */
export function figureEntry(plugin: AnyPlugin, file = 'figure'): PluginConfig {
  const shape = (plugin.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const extension = ['png', 'gif'].find((ext) => shape.file?.safeParse(`${file}.${ext}`).success);
  if (extension === undefined) throw new TypeError(`figure '${plugin.name}': its file option takes neither .png nor .gif`);
  return { type: plugin.name, file: `${file}.${extension}`, ...('reference' in shape ? { reference: true } : {}) };
}

/** A deterministic cloud of `n` points of dimension `dim` around `centre`, spread by `scale` (a low-discrepancy spiral, no RNG). */
function cloud(n: number, dim: number, centre: number, scale: number): Float32Array {
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const r = scale * Math.sqrt((i + 0.5) / n);
    const angle = i * 2.399963;
    for (let k = 0; k < dim; k++) x[i * dim + k] = centre + r * Math.cos(angle + (k * Math.PI) / 2);
  }
  return x;
}

/**
 * What a run hands a figure, made up: one sampler stage with three snapshots of 200 particles
 * (labelled), metrics at each, a reference at any t and a noise floor. Every figure plugin draws
 * from it.
 */
export function figureInput(): FigureInput {
  const n = 200;
  const snapshots: FigureSnapshot[] = [0, 10, 20].map((step, k) => ({
    step,
    t: 1 - step / 20,
    dim: FIGURE_DIM,
    positions: cloud(n, FIGURE_DIM, 0, 3 - k),
    labels: Int32Array.from({ length: n }, (_, i) => i % 2),
    count: n,
  }));
  const metrics: MeasuredSnapshot[] = snapshots.map((snapshot, k) => ({ stage: 0, step: snapshot.step, t: snapshot.t, n, values: { sw2: 0.5 / (k + 1), mean_error: 0.2 / (k + 1) } }));
  const noiseFloor = Object.assign(async (points: readonly { t: number; n: number }[]) => points.map(() => ({ sw2: { mean: 0.05, sd: 0.01 }, mean_error: { mean: 0.02, sd: 0.005 } })), {
    dependsOnT: true,
  });
  return {
    run: 'fixture',
    dim: FIGURE_DIM,
    stages: [{ type: 'fixture-sampler', chains: false }],
    snapshots,
    metrics,
    referenceAt: () => cloud(400, FIGURE_DIM, 0, 1),
    noiseFloor,
  };
}

/** The share of a canvas's pixels that are not white (more than 8 off in a channel). */
export function inkOf(image: { readonly width: number; readonly height: number; readonly data: ArrayLike<number> }): number {
  let ink = 0;
  for (let p = 0; p < image.data.length; p += 4) if (image.data[p] < 247 || image.data[p + 1] < 247 || image.data[p + 2] < 247) ink++;
  return ink / (image.width * image.height);
}
