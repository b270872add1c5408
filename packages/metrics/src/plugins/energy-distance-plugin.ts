import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { energyDistance } from '../energy/energy-distance.js';
import { DEFAULT_MAX_SAMPLES } from '../samples/stride-rows.js';

/**
 * Metric plugin `energy-distance`: reports `{ energy }`, the U-statistic energy distance
 * 2 E|X - Y| - E|X - X'| - E|Y - Y'| of `energyDistance` (Szekely and Rizzo 2013).
 */
export const energyDistancePlugin = definePlugin({
  kind: 'metric',
  name: 'energy-distance',
  description: "Energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| (Szekely and Rizzo 2013): { energy }",
  options: z.strictObject({
    maxSamples: z.number().int().min(2).max(20_000).default(DEFAULT_MAX_SAMPLES).describe('at most this many rows per sample'),
  }),
  create: (options) => ({
    name: 'energy-distance',
    measure: (x, reference, dim) => ({ energy: energyDistance(x, reference, dim, options) }),
  }),
});
