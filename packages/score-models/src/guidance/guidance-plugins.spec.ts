import { MIXTURE_PRESETS, type ScoreModel, createRegistry, createRunContext } from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { mixtureScore } from '../mixture/mixture-score.js';
import { scoreModelPlugins } from '../plugins.js';
import { vpLike } from '../testing/affine-sde.js';
import { classMixture, classPartition } from './class-partition.js';
import { mixtureClassifierScore } from './classifier-score.js';
import { classifierGuidance } from './guided-scores.js';
import { mixtureClassifier } from './mixture-classifier.js';

const registry = createRegistry(scoreModelPlugins);
const scope = { run: createRunContext({ dim: 2 }), sde: vpLike, path: 'pipeline.0.score' };
const create = (config: unknown) => registry.create('score-model', config, scope);
const configError = (config: unknown) => configErrorOf(() => create(config));
const x = new Float32Array([0.5, -1, 3, 2, -2.5, 0.2, 0, 0]);
const scoreOf = (model: ScoreModel, t: number) => {
  const out = new Float32Array(x.length);
  void model.score(x, t, out);
  return out;
};
const eight = MIXTURE_PRESETS['eight-gaussians']();
const halves = [0, 0, 0, 0, 1, 1, 1, 1];

describe('the guidance plugins', () => {
  it('classifier-guidance with an exact mixture is the mixture score guided by its exact classifier', () => {
    const model = create({ type: 'classifier-guidance', preset: 'eight-gaussians', classes: halves, label: 1, scale: 2.5 });
    const classifier = mixtureClassifier(eight, vpLike, { classes: halves });
    expect(scoreOf(model, 0.2)).toEqual(scoreOf(classifierGuidance(mixtureScore(eight, vpLike), mixtureClassifierScore(classifier, 1), 2.5), 0.2));
  });

  it('classifier-guidance takes any score and classifier configs; equal to the exact shorthand', () => {
    const nested = create({
      type: 'classifier-guidance',
      scale: 3,
      score: { type: 'gaussian-mixture', preset: 'eight-gaussians' },
      classifier: { type: 'mixture-classifier', preset: 'eight-gaussians', label: 5 },
    });
    expect(scoreOf(nested, 0.5)).toEqual(scoreOf(create({ type: 'classifier-guidance', preset: 'eight-gaussians', label: 5, scale: 3 }), 0.5));
  });

  it('classifier-free-guidance with an exact mixture equals classifier-guidance at w = gamma (float32 rounding)', () => {
    for (const scale of [0, 1, 4]) {
      const free = scoreOf(create({ type: 'classifier-free-guidance', preset: 'eight-gaussians', classes: halves, label: 0, scale }), 0.3);
      const guided = scoreOf(create({ type: 'classifier-guidance', preset: 'eight-gaussians', classes: halves, label: 0, scale }), 0.3);
      for (let i = 0; i < x.length; i++) expect(Math.abs(free[i] - guided[i])).toBeLessThan(1e-5 * (1 + Math.abs(guided[i])));
    }
  });

  it('classifier-free-guidance with scale 1 is the conditional score (the class mixture)', () => {
    const model = create({ type: 'classifier-free-guidance', preset: 'double-gaussian', label: 1 });
    const double = MIXTURE_PRESETS['double-gaussian']();
    expect(scoreOf(model, 0.4)).toEqual(scoreOf(mixtureScore(classMixture(double, classPartition(double), 1), vpLike), 0.4));
  });

  it('a label out of range names the field, the allowed classes and the value', () => {
    expect(configError({ type: 'classifier-guidance', preset: 'double-gaussian', label: 2 }).issues).toEqual([
      { path: 'pipeline.0.score.label', message: 'expected a class in 0 .. 1 (the mixture has 2 classes), got 2' },
    ]);
  });

  it('classes that skip a label are reported on classes', () => {
    const error = configError({ type: 'mixture-classifier', preset: 'double-gaussian', classes: [0, 2], label: 0 });
    expect(error.issues).toEqual([{ path: 'pipeline.0.score.classes', message: 'expected one class per component (2) using every label from 0 up, got [0, 2]' }]);
  });

  it('needs a label with a mixture, both nested configs, and never both forms', () => {
    expect(configError({ type: 'classifier-guidance', preset: 'double-gaussian' }).issues[0].path).toBe('pipeline.0.score.label');
    expect(configError({ type: 'classifier-free-guidance', conditional: { type: 'gaussian-mixture', preset: 'double-gaussian' } }).issues.map((issue) => issue.path)).toEqual([
      'pipeline.0.score.unconditional',
    ]);
    const mixed = configError({ type: 'classifier-guidance', preset: 'double-gaussian', label: 0, score: { type: 'gaussian-mixture', preset: 'double-gaussian' } });
    expect(mixed.issues.map((issue) => issue.path)).toEqual(['pipeline.0.score.classifier', 'pipeline.0.score.preset', 'pipeline.0.score.label']);
  });

  it('a negative scale is refused at scale', () => {
    expect(configError({ type: 'classifier-guidance', preset: 'double-gaussian', label: 0, scale: -1 }).issues[0].path).toBe('pipeline.0.score.scale');
  });

  it('nested configs are created at their own paths', () => {
    const error = configError({ type: 'classifier-guidance', score: { type: 'gaussian-mixture', preset: 'nope' }, classifier: { type: 'mixture-classifier', preset: 'double-gaussian', label: 0 } });
    expect(error.issues[0].path).toBe('pipeline.0.score.score.preset');
  });
});
