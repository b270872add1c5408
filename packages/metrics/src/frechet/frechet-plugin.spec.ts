import { ConfigError, createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { strideRows } from '../samples/stride-rows.js';
import { metricPlugins } from '../plugins/metric-plugins.js';
import { averagePool2, featuresOf } from './feature-network.js';
import { frechetDistanceOfSamples } from './frechet-distance.js';
import { fashionMnistClassifier } from './frechet-plugin.js';

const registry = createRegistry(metricPlugins);
const scope = (dim: number) => ({ run: createRunContext({ dim }), path: 'metrics.0' });

describe('frechet metric', () => {
  it('fills in its defaults', () => {
    expect(registry.parse('metric', { type: 'frechet' }, '').options).toEqual({ features: 'fashion-mnist-14', maxSamples: 10_000 });
  });
  it('pixels: the Frechet distance of the particles themselves, with the rows used', () => {
    const x = gaussianSample(1, 400, [0, 0, 0], 1);
    const y = gaussianSample(2, 300, [1, 0, 0], 2);
    const metric = registry.create('metric', { type: 'frechet', features: 'pixels', maxSamples: 350 }, scope(3));
    expect(metric.measure(x, y, 3)).toEqual({ frechet: frechetDistanceOfSamples(strideRows(x, 3, 350), y, 3), frechetRows: 350, frechetReferenceRows: 300 });
  });
  it('classifier features: a sample against itself is 0, against a shifted one positive; 28 x 28 images are pooled to 14 x 14', () => {
    const images = gaussianSample(3, 300, Array(784).fill(-0.5), 0.3);
    const shifted = images.map((v) => v + 0.4);
    const metric = registry.create('metric', { type: 'frechet' }, scope(784));
    expect(Math.abs((metric.measure(images, images, 784) as { frechet: number }).frechet)).toBeLessThan(1e-6);
    expect((metric.measure(images, shifted, 784) as { frechet: number }).frechet).toBeGreaterThan(0.01);
    const pooled = featuresOf(fashionMnistClassifier(), averagePool2(images, 300, 28, 28), 196);
    expect(Array.from(featuresOf(fashionMnistClassifier(), images, 784).features)).toEqual(Array.from(pooled.features));
    expect(pooled.size).toBe(32);
  });
  it('refuses particles that are not 14 x 14 or 28 x 28 images, naming the option', () => {
    expect(() => registry.create('metric', { type: 'frechet' }, scope(2))).toThrow(ConfigError);
    expect(() => registry.create('metric', { type: 'frechet' }, scope(2))).toThrow(/metrics\.0\.features: .*dimension 2; use features: pixels/);
  });
});

