import { hasErrorTag, tagErrorClass } from './error-tag.js';

/** The tag of the error family, `Symbol.for`: the same in every installed copy of @scoreflow/core. */
const SCOREFLOW_ERROR = Symbol.for('@scoreflow/core/ScoreflowError');

/**
 * Base class of every error scoreflow throws on purpose: something the user can act on, told in
 * its message (the CLI prints `error: MESSAGE`, no stack: exit code 1, or 2 for its subclass
 * `ConfigError`, bad input). Any other error is a bug, and keeps its stack.
 *
 * `name` is the class name (a subclass may set it as a field, which survives a bundler renaming
 * the class), so that `err.name === 'CheckpointError'` works across two installed copies of the
 * package, where `instanceof` would not; `isScoreflowError` recognises the family itself.
 */
export class ScoreflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
tagErrorClass(ScoreflowError, SCOREFLOW_ERROR);

/**
 * Whether `value` is a `ScoreflowError` (any subclass) of any installed copy of @scoreflow/core:
 * the class carries a `Symbol.for` tag, checked instead of `instanceof`.
 *
 * @example
 * isScoreflowError(new ConfigError('bad', [])); // true
 * isScoreflowError(new TypeError('a bug'));     // false
 */
export function isScoreflowError(value: unknown): value is ScoreflowError {
  return hasErrorTag(value, SCOREFLOW_ERROR);
}
