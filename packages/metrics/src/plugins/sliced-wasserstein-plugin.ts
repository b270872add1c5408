import { z } from 'zod';
import { DEFAULT_PROJECTIONS, slicedWasserstein } from '../sliced-wasserstein/sliced-wasserstein.js';
import { rowMetricPlugin } from './row-metric-plugin.js';

/**
 * Metric plugin `sliced-wasserstein`: reports `{ sw2 }`, the sliced 2-Wasserstein distance of
 * `slicedWasserstein` (Rabin et al. 2011; Bonneel et al. 2015), and as settings the rows of each
 * sample it used (`sw2Rows`, `sw2ReferenceRows`; all rows by default).
 */
export const slicedWassersteinPlugin = rowMetricPlugin({
  name: 'sliced-wasserstein',
  description: 'Sliced 2-Wasserstein distance SW2 over random directions (Bonneel et al. 2015): { sw2 }; settings sw2Rows, sw2ReferenceRows',
  measure: 'sw2',
  options: {
    projections: z.number().int().min(1).max(100_000).default(DEFAULT_PROJECTIONS).describe('number of random directions'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of the directions'),
    maxSamples: z.number().int().min(1).optional().describe('at most this many rows per sample (default: all)'),
  },
  distance: slicedWasserstein,
});
