import { ConfigError } from '../../errors/config-error.js';

/**
 * The `ConfigError` that `fn` throws, for a test to read its issues; any other error is
 * rethrown, and a `fn` that throws nothing fails with 'expected a ConfigError'.
 *
 * @example
 * expect(configErrorOf(() => registry.create('target', { type: 'ring' }, scope)).issues[0].path).toBe('pipeline.0.target');
 */
export function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
