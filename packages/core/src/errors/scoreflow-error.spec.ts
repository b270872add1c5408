import { describe, expect, it, vi } from 'vitest';
import { StandInUsedError } from '../plugins/stand-in.js';
import { ConfigError, isConfigError } from './config-error.js';
import { DimensionError } from './dimension-error.js';
import { NonFiniteError } from './non-finite-error.js';
import { DuplicatePluginError, UnknownPluginError } from './plugin-errors.js';
import { ScoreflowError, isScoreflowError } from './scoreflow-error.js';

/** A second copy of the error modules, as when two versions of @scoreflow/core are installed. */
async function secondCopy() {
  vi.resetModules();
  const copy = { ...(await import('./scoreflow-error.js')), ...(await import('./config-error.js')) };
  expect(copy.ScoreflowError).not.toBe(ScoreflowError);
  return copy;
}

describe('the error family', () => {
  it("core's errors are ScoreflowErrors named after their class", () => {
    const errors = [
      new ScoreflowError('failed'),
      new ConfigError('bad', []),
      new UnknownPluginError('sde', 'vpp', ['vp']),
      new DuplicatePluginError('sde', 'vp'),
      new NonFiniteError('euler-maruyama', 3, 0.5, 7),
      new DimensionError('score model', 2, 3),
      new StandInUsedError('pipeline.0.score'),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ScoreflowError);
      expect(isScoreflowError(error)).toBe(true);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(errors.map((error) => isConfigError(error))).toEqual([false, true, true, false, false, false, false]);
  });

  it('isScoreflowError and isConfigError refuse other errors and values', () => {
    for (const value of [new Error('x'), new TypeError('x'), { name: 'ScoreflowError', message: 'x' }, 'error', null, undefined]) {
      expect(isScoreflowError(value)).toBe(false);
      expect(isConfigError(value)).toBe(false);
    }
  });

  it('isScoreflowError(error) and isConfigError(error) recognise the errors of another installed copy, where instanceof does not', async () => {
    const copy = await secondCopy();
    const failure = new copy.ScoreflowError('failed');
    const badInput = new copy.ConfigError('bad', [{ path: 'steps', message: 'expected an integer >= 1, got 0' }]);
    expect(failure).not.toBeInstanceOf(ScoreflowError);
    expect(badInput).not.toBeInstanceOf(ConfigError);
    expect([isScoreflowError(failure), isConfigError(failure)]).toEqual([true, false]);
    expect([isScoreflowError(badInput), isConfigError(badInput)]).toEqual([true, true]);
    expect([failure.name, badInput.name]).toEqual(['ScoreflowError', 'ConfigError']);
  });
});
