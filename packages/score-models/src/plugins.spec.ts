import { type ConfigError, MIXTURE_PRESETS, createRegistry, createRunContext } from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { mixtureScore } from './mixture/mixture-score.js';
import { scoreModelPlugins } from './plugins.js';
import { vpLike } from './testing/affine-sde.js';

const registry = createRegistry(scoreModelPlugins);
const run = createRunContext({ dim: 2 });

const configError = (config: unknown, scope: { sde?: typeof vpLike; dim?: number } = { sde: vpLike }): ConfigError =>
  configErrorOf(() => registry.create('score-model', config, { run: createRunContext({ dim: scope.dim ?? 2 }), sde: scope.sde, path: 'pipeline.1.score' }));

describe('scoreModelPlugins', () => {
  it('lists the exact scores and the guidance wrappers as score-model plugins', () => {
    expect(registry.list('score-model').map((plugin) => plugin.name)).toEqual(['classifier-free-guidance', 'classifier-guidance', 'empirical', 'gaussian-mixture', 'mixture-classifier', 'posterior']);
  });

  it('gaussian-mixture with a preset is mixtureScore of that preset under the pipeline SDE', () => {
    const model = registry.create('score-model', { type: 'gaussian-mixture', preset: 'double-gaussian' }, { run, sde: vpLike, path: 'score' });
    const reference = mixtureScore(MIXTURE_PRESETS['double-gaussian'](), vpLike);
    const x = new Float32Array([0.5, -1, 3, 2]);
    const out = new Float32Array(4);
    const expected = new Float32Array(4);
    model.score(x, 0.4, out);
    reference.score(x, 0.4, expected);
    expect(Array.from(out)).toEqual(Array.from(expected));
    expect(model.dim).toBe(2);
  });

  it('gaussian-mixture accepts means, weights and per-coordinate stds', () => {
    const model = registry.create(
      'score-model',
      { type: 'gaussian-mixture', means: [[0, 0], [3, 3]], weights: [1, 3], std: [[1, 2], [0.5, 0.5]] },
      { run, sde: vpLike, path: 'score' },
    );
    const out = new Float32Array(2);
    model.score(new Float32Array([0, 1]), 0, out);
    // Near the first component, which dominates there: -(x - mu) / sigma^2 = (0, -0.25).
    expect(out[0]).toBeCloseTo(0, 6);
    expect(out[1]).toBeCloseTo(-0.25, 6);
  });

  it('without an SDE throws a ConfigError naming the path and saying a score model needs an SDE', () => {
    const error = configError({ type: 'gaussian-mixture', preset: 'double-gaussian' }, {});
    expect(error.message).toMatch(/pipeline\.1\.score/);
    expect(error.issues[0].path).toBe('pipeline.1.score');
    expect(error.issues[0].message).toMatch(/a score model needs an SDE/);
  });

  it('an unknown preset lists the presets', () => {
    const error = configError({ type: 'gaussian-mixture', preset: 'triple-gaussian' });
    expect(error.issues[0].path).toBe('pipeline.1.score.preset');
    expect(error.issues[0].message).toMatch(/double-gaussian/);
    expect(error.issues[0].message).toMatch(/triple-gaussian/);
  });

  it('weights of the wrong length name weights', () => {
    const error = configError({ type: 'gaussian-mixture', means: [[0, 0], [1, 1]], weights: [1, 2, 3] });
    expect(error.issues).toEqual([{ path: 'pipeline.1.score.weights', message: 'expected 2 weights, one per mean, got [1,2,3]' }]);
  });

  it('rejects a preset combined with means, missing means, and unknown options', () => {
    expect(configError({ type: 'gaussian-mixture', preset: 'double-gaussian', means: [[0, 0]] }).issues[0].path).toBe('pipeline.1.score.means');
    expect(configError({ type: 'gaussian-mixture' }).issues[0].message).toMatch(/required unless a preset is given \(presets: double-gaussian, eight-gaussians\)/);
    expect(configError({ type: 'gaussian-mixture', preset: 'double-gaussian', sigma: 1 }).message).toMatch(/sigma/);
  });

  it('a mixture whose dimension differs from the run throws a ConfigError', () => {
    const error = configError({ type: 'gaussian-mixture', preset: 'double-gaussian' }, { sde: vpLike, dim: 3 });
    expect(error.issues[0].message).toMatch(/the mixture has dimension 2, the run's particles have dimension 3/);
  });
});
