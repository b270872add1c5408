import { createBrowserRegistry } from '@scoreflow/catalogue';
import { MIXTURE_PRESETS, definePlugin } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configErrorOf } from '@scoreflow/core/testing';
import { trainConfigSchema } from '../config/train-config.js';
import { buildTraining } from './build-training.js';

/** A data source the runner has never heard of that says it is an exact mixture (and samples nothing). */
const saysMixturePlugin = definePlugin({
  kind: 'data-source',
  name: 'says-mixture',
  description: 'test double',
  options: z.strictObject({}),
  create: () => ({ name: 'says-mixture', dim: 2, sample: () => { throw new Error('not sampled'); }, describe: () => ({ kind: 'mixture', mixture: MIXTURE_PRESETS['double-gaussian']() }) }),
});

const registry = createBrowserRegistry([saysMixturePlugin]);
const plan = (data: object) =>
  buildTraining(trainConfigSchema.parse({ name: 'exact', data, sde: { type: 'brownian' }, network: { width: 8, depth: 1 }, training: { steps: 1, batchSize: 8, poolSize: 16, workers: 0 } }), registry);

describe('buildTraining(config, registry): the exact score', () => {
  it('is the mixture score of whatever source describes itself as a mixture, whatever its type', async () => {
    const said = plan({ type: 'says-mixture' }).exactScore;
    const sampled = plan({ type: 'gaussian-mixture', preset: 'double-gaussian' }).exactScore;
    if (said === undefined || sampled === undefined) throw new Error('no exact score');
    const x = new Float32Array([0.3, -1.2, 2, 0.5]);
    const [a, b] = [new Float32Array(4), new Float32Array(4)];
    await said.score(x, 0.5, a);
    await sampled.score(x, 0.5, b);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.some((value) => value !== 0)).toBe(true);
  });

  it('comes with the toy mixtures (eight-gaussians) and not with a density or a sample', () => {
    expect(plan({ type: 'eight-gaussians' }).exactScore).toBeDefined();
    expect(plan({ type: 'banana' }).exactScore).toBeUndefined();
    expect(plan({ type: 'two-moons' }).exactScore).toBeUndefined();
  });
});

describe('buildTraining(config, registry): a noisy classifier (training.objective: classifier)', () => {
  const classifierPlan = (classes: number) =>
    buildTraining(
      trainConfigSchema.parse({ name: 'c', data: { type: 'gaussian-mixture', preset: 'double-gaussian' }, sde: { type: 'vp' }, network: { width: 8, classes }, training: { objective: 'classifier', steps: 1 } }),
      registry,
    );

  it('builds an MLP with one output per class and no label input, and no exact score to compare with', () => {
    const built = classifierPlan(2);
    expect(built.network).toMatchObject({ dim: 2, classes: 0, outputs: 2 });
    expect(built.exactScore).toBeUndefined();
  });

  it('needs network.classes >= 2, and says so at that field', () => {
    expect(configErrorOf(() => classifierPlan(0)).issues).toEqual([
      { path: 'network.classes', message: 'a classifier (training.objective: classifier) needs the number of classes it tells apart, at least 2, got 0' },
    ]);
  });
});
