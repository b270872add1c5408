import { ScoreflowError } from './scoreflow-error.js';

/** Two things that must agree on the particle dimension do not. */
export class DimensionError extends ScoreflowError {
  constructor(what: string, expected: number, actual: number) {
    super(`${what}: expected dimension ${expected}, got ${actual}.`);
  }
}
