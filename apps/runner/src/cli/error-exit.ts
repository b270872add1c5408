import { isConfigError } from '@scoreflow/core';

/**
 * The exit code of an error that ends a command or a run: 2 for bad input (a `ConfigError` of any
 * installed copy of @scoreflow/core: a config, an argument, or what they name, such as a
 * checkpoint that cannot be read or a backend that is not installed), 1 for any other (the run
 * failed).
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  return isConfigError(error) ? 2 : 1;
}
