import { describe, expect, it } from 'vitest';
import { classify, fashionMnistClassifier } from '@scoreflow/metrics';
import { fashionMnistArrays } from './fashion-mnist-arrays.js';

describe('the shipped Fashion-MNIST feature classifier of the frechet metric', () => {
  it('classifies the 10,000 test images (14 x 14) with the accuracy it states, above 85%', async () => {
    const test = await fashionMnistArrays('t10k', 2);
    const network = fashionMnistClassifier();
    const predicted = classify(network, test.x, test.dim);
    const accuracy = predicted.reduce((hits, label, i) => hits + (label === test.labels[i] ? 1 : 0), 0) / test.n;
    expect(accuracy).toBeCloseTo(network.testAccuracy, 4);
    expect(accuracy).toBeGreaterThan(0.85);
  }, 120_000);
});
