import { ScoreflowError } from '@scoreflow/core';

/**
 * A figure that cannot be drawn because the run produced nothing for it (e.g. stopped before its
 * stage): the runner records it with this message and still writes the other figures.
 */
export class NothingToDraw extends ScoreflowError {
  override readonly name = 'NothingToDraw';
}
