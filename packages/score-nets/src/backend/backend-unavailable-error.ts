import { ConfigError } from '@scoreflow/core';

/**
 * The TensorFlow.js backend asked for cannot be loaded or initialised (e.g. `tensorflow` without
 * tfjs-node installed). Bad input, as the choice is the user's: a `ConfigError` (the CLI's exit
 * code 2) whose message names the backend and what it needs, without issues of its own.
 */
export class BackendUnavailableError extends ConfigError {
  override readonly name = 'BackendUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, [], options);
  }
}
