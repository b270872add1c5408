import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { energyDistance } from '../energy/energy-distance.js';
import { rowSettings, rowsUsed } from '../samples/rows-used.js';
import { DEFAULT_MAX_SAMPLES } from '../samples/stride-rows.js';

/** The values of the `energy-distance` plugin that record how it measured, kept apart from the measure `energy`. */
export const ENERGY_SETTINGS = rowSettings('energy');

/**
 * Metric plugin `energy-distance`: reports `{ energy }`, the U-statistic energy distance
 * 2 E|X - Y| - E|X - X'| - E|Y - Y'| of `energyDistance` (Szekely and Rizzo 2013), and as settings
 * the rows of each sample it used (`energyRows`, `energyReferenceRows`; 2000 strided rows by default).
 */
export const energyDistancePlugin = definePlugin({
  kind: 'metric',
  name: 'energy-distance',
  description: "Energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| (Szekely and Rizzo 2013): { energy }; settings energyRows, energyReferenceRows",
  options: z.strictObject({
    maxSamples: z.number().int().min(2).max(20_000).default(DEFAULT_MAX_SAMPLES).describe('at most this many rows per sample'),
  }),
  create: (options) => ({
    name: 'energy-distance',
    settings: ENERGY_SETTINGS,
    measure: (x, reference, dim) => ({
      energy: energyDistance(x, reference, dim, options),
      ...rowsUsed('energy', x, reference, dim, options.maxSamples),
    }),
  }),
});
