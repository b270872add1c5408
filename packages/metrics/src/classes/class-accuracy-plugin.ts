import { ConfigError, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { imageDimProblem } from '../frechet/feature-network.js';
import { fashionMnistClassifier } from '../frechet/frechet-plugin.js';
import { strideRows } from '../samples/stride-rows.js';
import { classAccuracy } from './class-accuracy.js';
import { FASHION_MNIST_CLASSES } from './fashion-mnist-classes.js';

/** The value of the `class-accuracy` plugin that records how it measured: the rows it classified. */
export const CLASS_ACCURACY_SETTINGS = ['classAccuracyRows'] as const;

const classList = FASHION_MNIST_CLASSES.map((name, label) => `${label} ${name}`).join(', ');

/**
 * Metric plugin `class-accuracy`: the class-conditional accuracy of guided samples, the fraction of
 * the sample's images that the shipped Fashion-MNIST classifier (the `frechet` metric's, 87.12% on
 * the test split) assigns to `label`, the class they were generated for (the `label` of the
 * conditional network score under `classifier-free-guidance`). Reports `{ classAccuracy }` and the
 * rows classified (`classAccuracyRows`, at most `maxSamples` evenly strided rows); the reference
 * is not used (a run's metrics need one: give the test split). Reads 14 x 14 images, or 28 x 28
 * ones 2 x 2-pooled. Read it against 0.8712 (real test images) and 0.1 (images that ignore their
 * label).
 *
 * @example
 * // config: { type: 'class-accuracy', label: 7 }   (sneakers)
 */
export const classAccuracyPlugin = definePlugin({
  kind: 'metric',
  name: 'class-accuracy',
  description: "Fraction of the images the shipped Fashion-MNIST classifier assigns to label, the class they were generated for: { classAccuracy }; setting classAccuracyRows",
  options: z.strictObject({
    label: z.number().int().min(0).describe(`the class the sample was generated for: ${classList}`),
    maxSamples: z.number().int().min(1).max(100_000).default(10_000).describe('at most this many rows of the sample'),
  }),
  create: (options, ctx) => {
    const network = fashionMnistClassifier();
    if (options.label >= FASHION_MNIST_CLASSES.length) {
      throw new ConfigError('Invalid class-accuracy metric', [{ path: `${ctx.path}.label`, message: `must be a Fashion-MNIST class, 0 to ${FASHION_MNIST_CLASSES.length - 1} (${classList}), got ${options.label}` }]);
    }
    const problem = imageDimProblem(network, ctx.run.dim);
    if (problem !== undefined) throw new ConfigError('Invalid class-accuracy metric', [{ path: ctx.path, message: problem }]);
    return {
      name: 'class-accuracy',
      settings: CLASS_ACCURACY_SETTINGS,
      measure: (x: Float32Array, _reference: Float32Array, dim: number) => {
        const rows = strideRows(x, dim, options.maxSamples);
        return { classAccuracy: classAccuracy(network, rows, dim, options.label), classAccuracyRows: rows.length / dim };
      },
    };
  },
});
