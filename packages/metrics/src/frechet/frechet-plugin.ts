import { ConfigError, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { rowSettings, rowsUsed } from '../samples/rows-used.js';
import { strideRows } from '../samples/stride-rows.js';
import { FASHION_MNIST_14_CLASSIFIER } from './fashion-mnist-14-classifier.js';
import { type FeatureNetwork, featureNetwork, featuresOf, imageDimProblem } from './feature-network.js';
import { frechetDistanceOfSamples } from './frechet-distance.js';

/** The values of the `frechet` plugin that record how it measured: the rows of each sample. */
export const FRECHET_SETTINGS = rowSettings('frechet');

/** The feature spaces of the `frechet` metric. */
export const FRECHET_FEATURES = ['fashion-mnist-14', 'pixels'] as const;

let classifier: FeatureNetwork | undefined;
/** The shipped Fashion-MNIST feature classifier, decoded once. */
export const fashionMnistClassifier = (): FeatureNetwork => (classifier ??= featureNetwork(FASHION_MNIST_14_CLASSIFIER));

/**
 * Metric plugin `frechet`: the Frechet distance between Gaussians fitted to the features of the
 * sample and of the reference (Heusel et al. 2017's FID, with a small classifier in place of
 * Inception-v3): `features: fashion-mnist-14` (default) measures in the 32 hidden features of
 * the shipped MLP classifier of 14 x 14 Fashion-MNIST (28 x 28 images are 2 x 2-pooled first;
 * its test accuracy is `fashionMnistClassifier().testAccuracy`), `pixels` in the particles'
 * own coordinates. Reports `{ frechet }` and the rows used (`frechetRows`, `frechetReferenceRows`;
 * at most `maxSamples` evenly strided rows each). Its floor is the distance between two samples of
 * the data (train against test), which a config with an empty pipeline measures.
 */
export const frechetPlugin = definePlugin({
  kind: 'metric',
  name: 'frechet',
  description: 'Frechet distance of Gaussians fitted to classifier features (FID-style, Heusel et al. 2017): { frechet }; settings frechetRows, frechetReferenceRows',
  options: z.strictObject({
    features: z.enum(FRECHET_FEATURES).default('fashion-mnist-14').describe('feature space: the shipped Fashion-MNIST classifier (14 x 14 or 28 x 28 images) or the pixels'),
    maxSamples: z.number().int().min(2).max(100_000).default(10_000).describe('at most this many rows per sample'),
  }),
  create: (options, ctx) => {
    const network = options.features === 'pixels' ? undefined : fashionMnistClassifier();
    const { dim } = ctx.run;
    const problem = network === undefined ? undefined : imageDimProblem(network, dim);
    if (problem !== undefined) throw new ConfigError('Invalid frechet metric', [{ path: `${ctx.path}.features`, message: `${problem}; use features: pixels` }]);
    const space = (x: Float32Array, d: number) => (network === undefined ? { features: x, size: d } : featuresOf(network, x, d));
    return {
      name: 'frechet',
      settings: FRECHET_SETTINGS,
      measure: (x: Float32Array, reference: Float32Array, d: number) => {
        const a = space(strideRows(x, d, options.maxSamples), d);
        const b = space(strideRows(reference, d, options.maxSamples), d);
        return { frechet: frechetDistanceOfSamples(a.features, b.features, a.size), ...rowsUsed('frechet', x, reference, d, options.maxSamples) };
      },
    };
  },
});
