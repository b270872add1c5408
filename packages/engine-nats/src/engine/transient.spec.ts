import { ScoreflowError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { retryTransient } from './transient.js';

describe('retryTransient(attempt, forMs)', () => {
  it('repeats an attempt after a timeout until it succeeds', async () => {
    let calls = 0;
    const value = await retryTransient(async () => {
      calls += 1;
      if (calls < 3) throw new Error('TIMEOUT');
      return 'done';
    });
    expect([value, calls]).toEqual(['done', 3]);
  });

  it('throws any other error at once, and its own errors whatever their message says', async () => {
    let calls = 0;
    const failing = (error: Error) => () => {
      calls += 1;
      return Promise.reject(error);
    };
    await expect(retryTransient(failing(new Error('stream name already in use')))).rejects.toThrow('already in use');
    await expect(retryTransient(failing(new ScoreflowError('no checkpoint of timeout-test')))).rejects.toThrow('timeout-test');
    await expect(retryTransient(failing(new RangeError('bad name "timeout"')))).rejects.toThrow('bad name');
    expect(calls).toBe(3);
  });

  it('gives up on transient errors after forMs', async () => {
    await expect(retryTransient(() => Promise.reject(new Error('no responders')), 30)).rejects.toThrow('no responders');
  });
});
