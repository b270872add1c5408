import { z } from 'zod';
import { energyDistance } from '../energy/energy-distance.js';
import { DEFAULT_MAX_SAMPLES } from '../samples/stride-rows.js';
import { rowMetricPlugin } from './row-metric-plugin.js';

/**
 * Metric plugin `energy-distance`: reports `{ energy }`, the U-statistic energy distance
 * 2 E|X - Y| - E|X - X'| - E|Y - Y'| of `energyDistance` (Szekely and Rizzo 2013), and as settings
 * the rows of each sample it used (`energyRows`, `energyReferenceRows`; 2000 strided rows by default).
 */
export const energyDistancePlugin = rowMetricPlugin({
  name: 'energy-distance',
  description: "Energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| (Szekely and Rizzo 2013): { energy }; settings energyRows, energyReferenceRows",
  measure: 'energy',
  options: { maxSamples: z.number().int().min(2).max(20_000).default(DEFAULT_MAX_SAMPLES).describe('at most this many rows per sample') },
  distance: energyDistance,
});
