import { collectAll, createRunContext, labelsOf, positionsOf } from '@scoreflow/core';
import { FASHION_MNIST_DIR, type FashionMnistSplit, fashionMnistFiles, idxImageSource } from '@scoreflow/data-sources/node';

/** Fashion-MNIST images of a split as one row-major array in [-1, 1] and their labels (`downsample` 2: 14 x 14). */
export async function fashionMnistArrays(split: FashionMnistSplit, downsample: number, count = Number.POSITIVE_INFINITY): Promise<{ x: Float32Array; labels: Int32Array; dim: number; n: number }> {
  const source = idxImageSource({ ...fashionMnistFiles(FASHION_MNIST_DIR, split), downsample, name: 'fashion-mnist' });
  const n = Math.min(count, split === 'train' ? 60_000 : 10_000);
  const batches = await collectAll(source.sample(createRunContext({ dim: source.dim, particles: n, seed: 0, name: 'fashion-mnist-arrays' })));
  const x = new Float32Array(n * source.dim);
  const labels = new Int32Array(n);
  let row = 0;
  for (const batch of batches) {
    x.set(positionsOf(batch), row * source.dim);
    labels.set(labelsOf(batch) ?? new Int32Array(batch.numRows), row);
    row += batch.numRows;
  }
  return { x, labels, dim: source.dim, n };
}
