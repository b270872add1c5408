import { z } from 'zod';
import { definePlugin } from '@scoreflow/core';
import { withDataFileInput } from '../files/data-file-input.js';
import { checkedAgainstRunDim } from '../run-dim.js';
import { FASHION_MNIST_DIR, fashionMnistFiles } from './fashion-mnist-files.js';
import { idxImageSource } from './idx-image-source.js';

/**
 * Options of the `fashion-mnist` data source: `path` (the folder of the IDX files; default
 * /usr/share/datasets/fashion-mnist, where `apt-get install dataset-fashion-mnist` puts them),
 * `split` (`train`, 60,000 images, the default; or `t10k`, 10,000), `downsample` (1: 28x28,
 * dim 784, the default; 2: 14x14 by 2x2 average pooling, dim 196; any divisor of 28).
 */
export const fashionMnistOptions = z.strictObject({
  path: z.string().min(1).default(FASHION_MNIST_DIR),
  split: z.enum(['train', 't10k']).default('train'),
  downsample: z.number().int().min(1).max(28).default(1),
});

/**
 * Data source `fashion-mnist`: Zalando's Fashion-MNIST images as particles (pixels scaled to
 * [-1, 1], the class 0-9 as label), streamed from the IDX files (see `idxImageSource`). The
 * run's `particles` caps the images read, and `dim` is (28 / downsample)^2.
 *
 * @example
 * // config: { type: 'fashion-mnist', split: 't10k', downsample: 2 }   (dim: 196)
 */
export const fashionMnistPlugin = definePlugin({
  kind: 'data-source',
  name: 'fashion-mnist',
  description: 'Fashion-MNIST images (IDX files) as particles in [-1, 1], class as label, optionally down-sampled; particles caps the images read.',
  options: fashionMnistOptions,
  create: (options, ctx) =>
    checkedAgainstRunDim(
      withDataFileInput(ctx.path, () =>
        idxImageSource({ ...fashionMnistFiles(options.path, options.split), downsample: options.downsample, name: 'fashion-mnist' }),
      ),
      ctx,
    ),
});
