import { ScoreflowError, isConfigError, isScoreflowError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './backend/index.js';
import { CheckpointError } from './checkpoint/index.js';
import { ScoreNetWorkerError } from './node/parallel/index.js';

describe("score-nets' errors in the error family", () => {
  it('CheckpointError and BackendUnavailableError are bad input (ConfigError), ScoreNetWorkerError a failure', () => {
    const errors = [new CheckpointError('bad weights'), new BackendUnavailableError('no tensorflow'), new ScoreNetWorkerError('worker 1 exited', 'RangeError', 'stack')];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ScoreflowError);
      expect(isScoreflowError(error)).toBe(true);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(errors.map((error) => isConfigError(error))).toEqual([true, true, false]);
    expect(errors.map((error) => error.message)).toEqual(['bad weights', 'no tensorflow', 'worker 1 exited']);
    expect(errors[2]).toMatchObject({ workerErrorName: 'RangeError', cause: 'stack' });
  });
});
