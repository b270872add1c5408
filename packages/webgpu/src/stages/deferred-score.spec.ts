import { type AcceleratedStageSpec, ConfigError, type DeferredScoreDescription, MIXTURE_PRESETS, type ScoreDescription } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { testDescription } from '../mlp/testing/tf-mlp.js';
import { checkGpuSpec, loadedScore } from './check-spec.js';

const CHECKPOINT = 'pipeline.0.score.checkpoint';

/** A deferred score that loads `loaded` (counting its loads), as score-nets' network plugin gives one. */
function deferred(loaded: () => Promise<ScoreDescription>, dim = 2): DeferredScoreDescription & { loads: number } {
  const score = {
    kind: 'deferred' as const,
    expected: { kind: 'mlp' as const, dim },
    path: CHECKPOINT,
    loads: 0,
    load() {
      score.loads++;
      return loaded();
    },
  };
  return score;
}

const spec = (score: AcceleratedStageSpec['score'], dim = 2): AcceleratedStageSpec => ({
  name: 'euler-maruyama',
  path: 'pipeline.0',
  method: 'euler-maruyama',
  times: Float64Array.from([1, 0.5, 0.1]),
  sde: { drift: Float64Array.from([-5, -2.5, -0.5]), diffusion: Float64Array.from([3, 2, 1]), mean: Float64Array.from([0.1, 0.4, 0.9]), std: Float64Array.from([0.99, 0.9, 0.4]) },
  dim,
  score,
  snapshotEvery: 1,
  includeInitial: true,
  seed: 0,
  fused: false,
  options: {},
});

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('checkGpuSpec(spec, path) with a deferred score (weights not loaded yet)', () => {
  it('accepts an MLP of the particles\' dimension without loading it', () => {
    const score = deferred(() => Promise.resolve(testDescription()));
    expect(() => checkGpuSpec(spec(score), 'pipeline.0')).not.toThrow();
    expect(score.loads).toBe(0);
  });

  it('rejects one of another dimension than the particles\', naming the score, without loading it', () => {
    const score = deferred(() => Promise.resolve(testDescription({ dim: 3 })), 3);
    expect(() => checkGpuSpec(spec(score), 'pipeline.0')).toThrow(/pipeline\.0\.score: device webgpu: the mlp score is of dimension 3, the particles of dimension 2/);
    expect(score.loads).toBe(0);
  });
});

describe('loadedScore(spec): the full description, checked, on the first batch', () => {
  it('returns a spec with a known score as it is, and a deferred one with its loaded description', async () => {
    const known = spec(testDescription());
    expect(await loadedScore(known)).toBe(known);
    const description = testDescription();
    const loaded = await loadedScore(spec(deferred(() => Promise.resolve(description))));
    expect(loaded.score).toBe(description);
    expect(loaded.dim).toBe(2);
  });

  it('an MLP of another dimension than expected is a ConfigError at the checkpoint', async () => {
    const error = await rejection(loadedScore(spec(deferred(() => Promise.resolve(testDescription({ dim: 3 }))))));
    expect(error.issues).toEqual([{ path: CHECKPOINT, message: 'device webgpu: the MLP score is of dimension 3, the particles of dimension 2' }]);
  });

  it('weights that disagree with the sizes are a ConfigError at the checkpoint naming the field', async () => {
    const description = testDescription();
    const error = await rejection(loadedScore(spec(deferred(() => Promise.resolve({ ...description, weights: description.weights.subarray(1) })))));
    expect(error.issues).toEqual([{ path: CHECKPOINT, message: expect.stringMatching(/^weights: device webgpu reads the score's MLP description: expected 482 values .* got 481$/) }]);
  });

  it('a loaded score that is not an MLP is a ConfigError at the checkpoint', async () => {
    const error = await rejection(loadedScore(spec(deferred(() => Promise.resolve({ kind: 'mixture', mixture: MIXTURE_PRESETS['double-gaussian']() })))));
    expect(error.issues).toEqual([{ path: CHECKPOINT, message: expect.stringMatching(/expected an mlp score of dimension 2, and the loaded score is of kind mixture/) }]);
  });

  it('passes on the load\'s own rejection', async () => {
    const failure = new ConfigError('Invalid network score model', [{ path: CHECKPOINT, message: 'cannot load' }]);
    expect(await rejection(loadedScore(spec(deferred(() => Promise.reject(failure)))))).toBe(failure);
  });
});
