import { ConfigError, type ConfigIssue } from '@scoreflow/core';
import { expect } from 'vitest';

/** Test-only: the issues of the `ConfigError` that `run` throws; fails the test when it throws none or another error. */
export function configIssuesOf(run: () => unknown): readonly ConfigIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}
