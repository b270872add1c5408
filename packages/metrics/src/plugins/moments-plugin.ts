import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { covarianceError, meanError } from '../moments/moment-errors.js';

/**
 * Metric plugin `moments`: reports `{ meanError, covarianceError }`, the Euclidean norm of the
 * difference of the sample means and the Frobenius norm of the difference of the sample covariances.
 */
export const momentsPlugin = definePlugin({
  kind: 'metric',
  name: 'moments',
  description: 'First and second moment errors |mean_x - mean_y| and |C_x - C_y|_F: { meanError, covarianceError }',
  options: z.strictObject({}),
  create: () => ({
    name: 'moments',
    measure: (x, reference, dim) => ({
      meanError: meanError(x, reference, dim),
      covarianceError: covarianceError(x, reference, dim),
    }),
  }),
});
