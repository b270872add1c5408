import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { mmd2 } from '../mmd/mmd2.js';
import { DEFAULT_MAX_SAMPLES } from '../samples/stride-rows.js';

/**
 * Metric plugin `mmd`: reports `{ mmd2, mmdBandwidth }`, the unbiased squared MMD with an RBF
 * kernel of `mmd2` (Gretton et al. 2012, eq. 3) and the bandwidth it used.
 */
export const mmdPlugin = definePlugin({
  kind: 'metric',
  name: 'mmd',
  description: 'Unbiased squared maximum mean discrepancy, RBF kernel (Gretton et al. 2012): { mmd2, mmdBandwidth }',
  options: z.strictObject({
    bandwidth: z
      .union([z.number().positive(), z.literal('median')])
      .default('median')
      .describe("kernel bandwidth h > 0, or 'median' for the median pairwise distance"),
    maxSamples: z.number().int().min(2).max(20_000).default(DEFAULT_MAX_SAMPLES).describe('at most this many rows per sample'),
  }),
  create: (options) => ({
    name: 'mmd',
    measure: (x, reference, dim) => {
      const result = mmd2(x, reference, dim, options);
      return { mmd2: result.mmd2, mmdBandwidth: result.bandwidth };
    },
  }),
});
