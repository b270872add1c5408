import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { mmd2 } from '../mmd/mmd2.js';
import { rowSettings } from '../samples/rows-used.js';
import { DEFAULT_MAX_SAMPLES } from '../samples/stride-rows.js';

/** The values of the `mmd` plugin that record how it measured, kept apart from the measure `mmd2`: its bandwidth and row settings. */
export const MMD_SETTINGS = ['mmdBandwidth', ...rowSettings('mmd')] as const;

/**
 * Metric plugin `mmd`: reports `{ mmd2 }`, the unbiased squared MMD with an RBF kernel of `mmd2`
 * (Gretton et al. 2012, eq. 3), and as settings the bandwidth and the rows of each sample it used
 * (`mmdBandwidth`, `mmdRows`, `mmdReferenceRows`). By default h is the median pairwise distance of
 * the reference rows and each sample is strided to 2000 rows.
 */
export const mmdPlugin = definePlugin({
  kind: 'metric',
  name: 'mmd',
  description: 'Unbiased squared maximum mean discrepancy, RBF kernel (Gretton et al. 2012): { mmd2 }; settings mmdBandwidth, mmdRows, mmdReferenceRows',
  options: z.strictObject({
    bandwidth: z
      .union([z.number().positive(), z.literal('median')])
      .default('median')
      .describe("kernel bandwidth h > 0, or 'median' for the median pairwise distance of the reference rows"),
    maxSamples: z.number().int().min(2).max(20_000).default(DEFAULT_MAX_SAMPLES).describe('at most this many rows per sample'),
  }),
  create: (options) => ({
    name: 'mmd',
    settings: MMD_SETTINGS,
    measure: (x, reference, dim) => {
      const result = mmd2(x, reference, dim, options);
      return { mmd2: result.mmd2, mmdBandwidth: result.bandwidth, mmdRows: result.rows, mmdReferenceRows: result.referenceRows };
    },
  }),
});
