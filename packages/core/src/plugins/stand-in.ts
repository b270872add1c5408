import { ScoreflowError } from '../errors/scoreflow-error.js';

/**
 * Thrown when a plugin uses a stand-in (see `standIn`): the problems of the plugin it stands for
 * are already recorded, so whatever fails now follows from them (and is not reported again).
 */
export class StandInUsedError extends ScoreflowError {
  constructor(readonly path: string) {
    super(`The plugin at ${path || '(root)'} could not be created (its problems are reported).`);
  }
}

const fail = (path: string) => (): never => {
  throw new StandInUsedError(path);
};

/**
 * A stand-in for a plugin whose config has problems, returned so that the plugin that asked for
 * it can go on and reveal its other problems: any use of it (a property, a call) throws
 * `StandInUsedError`.
 */
export function standIn<T>(path: string): T {
  const trap = fail(path);
  // A function target, so that calling or constructing the stand-in is trapped too.
  const target = function standInPlugin(): never {
    return trap();
  };
  return new Proxy(target, { get: trap, has: trap, apply: trap, construct: trap, ownKeys: trap, set: trap }) as T;
}
