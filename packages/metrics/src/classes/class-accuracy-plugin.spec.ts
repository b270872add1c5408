import { ConfigError, createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { fashionMnistClassifier } from '../frechet/frechet-plugin.js';
import { metricPlugins } from '../plugins/metric-plugins.js';
import { strideRows } from '../samples/stride-rows.js';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { classAccuracy } from './class-accuracy.js';

const registry = createRegistry(metricPlugins);
const scope = (dim: number) => ({ run: createRunContext({ dim }), path: 'metrics.0' });

describe('class-accuracy metric', () => {
  it('fills in its defaults and requires the label', () => {
    expect(registry.parse('metric', { type: 'class-accuracy', label: 3 }, '').options).toEqual({ label: 3, maxSamples: 10_000 });
    expect(() => registry.parse('metric', { type: 'class-accuracy' }, 'metrics.0')).toThrow(/metrics\.0\.label/);
  });
  it('reports the accuracy of the shipped classifier against label on at most maxSamples strided rows, ignoring the reference', () => {
    const images = gaussianSample(5, 300, Array(196).fill(-0.6), 0.5);
    const metric = registry.create('metric', { type: 'class-accuracy', label: 8, maxSamples: 200 }, scope(196));
    const expected = classAccuracy(fashionMnistClassifier(), strideRows(images, 196, 200), 196, 8);
    expect(metric.measure(images, new Float32Array(196), 196)).toEqual({ classAccuracy: expected, classAccuracyRows: 200 });
    expect(metric.settings).toEqual(['classAccuracyRows']);
  });
  it('refuses a label that is not a Fashion-MNIST class, naming the option and the classes', () => {
    expect(() => registry.create('metric', { type: 'class-accuracy', label: 10 }, scope(196))).toThrow(ConfigError);
    expect(() => registry.create('metric', { type: 'class-accuracy', label: 10 }, scope(196))).toThrow(/metrics\.0\.label: must be a Fashion-MNIST class, 0 to 9 \(0 T-shirt\/top, .*9 ankle boot\), got 10/);
  });
  it('refuses particles that are not 14 x 14 or 28 x 28 images', () => {
    expect(() => registry.create('metric', { type: 'class-accuracy', label: 0 }, scope(2))).toThrow(/metrics\.0: fashion-mnist-14 reads 14 x 14 or 28 x 28 images .*dimension 2/);
  });
});
