/**
 * Base class of every error scoreflow throws on purpose. `name` is the class name, so that
 * `err.name === 'ConfigError'` works across two installed copies of the package, where
 * `instanceof` would not.
 */
export class ScoreflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
