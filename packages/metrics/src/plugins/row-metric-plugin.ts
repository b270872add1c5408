import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { rowSettings, rowsUsed } from '../samples/rows-used.js';

/** A distance between two row-major samples with its parsed options (`energyDistance`, `slicedWasserstein`). */
type SampleDistance<O> = (x: Float32Array, reference: Float32Array, dim: number, options: O) => number;

/**
 * A metric plugin that reports one distance between the samples, `{ <measure> }`, and as settings
 * the rows of each sample it used (`<measure>Rows`, `<measure>ReferenceRows`: `rowsUsed` with the
 * option `maxSamples`, all rows when it is absent): the frame of `energy-distance` and
 * `sliced-wasserstein`. `options` is the metric's zod shape, `distance` gets the parsed options.
 *
 * @example
 * export const energyDistancePlugin = rowMetricPlugin({ name: 'energy-distance', description: '...', measure: 'energy', options: { maxSamples: ... }, distance: energyDistance });
 */
export function rowMetricPlugin<N extends string, M extends string, S extends { maxSamples: z.ZodType<number | undefined> } & z.ZodRawShape>(spec: {
  name: N;
  description: string;
  measure: M;
  options: S;
  distance: SampleDistance<z.output<z.ZodObject<S>>>;
}) {
  const settings = rowSettings(spec.measure);
  return definePlugin({
    kind: 'metric',
    name: spec.name,
    description: spec.description,
    options: z.strictObject(spec.options),
    create: (options) => ({
      name: spec.name,
      settings,
      measure: (x: Float32Array, reference: Float32Array, dim: number) => ({
        [spec.measure]: spec.distance(x, reference, dim, options),
        ...rowsUsed(spec.measure, x, reference, dim, (options as { maxSamples?: number }).maxSamples ?? Infinity),
      }),
    }),
  });
}
