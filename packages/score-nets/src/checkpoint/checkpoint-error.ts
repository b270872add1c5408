import { ConfigError } from '@scoreflow/core';

/**
 * A checkpoint that cannot be read as a score network (not a score-net checkpoint, a file missing
 * or cut short, weights of other shapes) or cannot be saved. Bad input, as the file is: a
 * `ConfigError` (the CLI's exit code 2) whose message says what is wrong, without issues of its
 * own (a caller that knows the config field, such as the `network` score model, names it).
 */
export class CheckpointError extends ConfigError {
  override readonly name = 'CheckpointError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, [], options);
  }
}
