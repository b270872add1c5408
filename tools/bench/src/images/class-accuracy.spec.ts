import { createRegistry, createRunContext, createRng } from '@scoreflow/core';
import { FASHION_MNIST_CLASSES, classAccuracy, fashionMnistClassifier, metricPlugins } from '@scoreflow/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { fashionMnistArrays } from './fashion-mnist-arrays.js';

// The first 2,000 test images (14 x 14): sampling error of an accuracy p over n = 2000 images is
// sqrt(p (1 - p) / n), about 0.0075 at p = 0.87 and 0.0067 at p = 0.1; the tolerances are 3 of it.
const N = 2000;
const tolerance = (p: number) => 3 * Math.sqrt((p * (1 - p)) / N);
let test: Awaited<ReturnType<typeof fashionMnistArrays>>;
beforeAll(async () => {
  test = await fashionMnistArrays('t10k', 2, N);
}, 120_000);

/** A random permutation of `labels` (ranks of seeded normal draws). */
function shuffled(labels: Int32Array, seed: number): Int32Array {
  const keys = createRng(seed).normal(new Float32Array(labels.length), { first: 0, count: labels.length }, 1, { step: 0, stream: 1 });
  const order = Array.from(labels.keys()).sort((a, b) => keys[a] - keys[b]);
  return Int32Array.from(order, (i) => labels[i]);
}

describe('class-conditional accuracy with the shipped Fashion-MNIST classifier, on real test images', () => {
  const network = () => fashionMnistClassifier();
  it('test images with their true labels score the classifier test accuracy (87.12%), within the binomial tolerance', () => {
    const accuracy = classAccuracy(network(), test.x, test.dim, test.labels);
    expect(Math.abs(accuracy - network().testAccuracy)).toBeLessThan(tolerance(network().testAccuracy));
  });
  it('the same images with their labels shuffled score about 1 / 10: labels the images ignore', () => {
    const accuracy = classAccuracy(network(), test.x, test.dim, shuffled(test.labels, 7));
    expect(Math.abs(accuracy - 0.1)).toBeLessThan(tolerance(0.1));
  });
  it('the class-accuracy metric over the images of each class, weighted by their counts, gives the accuracy of them all', () => {
    const registry = createRegistry(metricPlugins);
    let hits = 0;
    for (const label of FASHION_MNIST_CLASSES.keys()) {
      const rows = Array.from(test.labels.keys()).filter((i) => test.labels[i] === label);
      const x = new Float32Array(rows.length * test.dim);
      rows.forEach((row, i) => x.set(test.x.subarray(row * test.dim, (row + 1) * test.dim), i * test.dim));
      const metric = registry.create('metric', { type: 'class-accuracy', label }, { run: createRunContext({ dim: test.dim }), path: 'metrics.0' });
      const { classAccuracy: accuracy, classAccuracyRows } = metric.measure(x, test.x, test.dim) as { classAccuracy: number; classAccuracyRows: number };
      expect(classAccuracyRows).toBe(rows.length);
      expect(accuracy).toBeGreaterThan(0.4); // shirts are the hardest class (about 0.6); a label mix-up would give about 0
      hits += accuracy * rows.length;
    }
    expect(hits / N).toBeCloseTo(classAccuracy(network(), test.x, test.dim, test.labels), 10);
  });
});
