import { ScoreflowError } from '@scoreflow/core';

/**
 * A score-net worker failed (it threw, crashed or exited, or its pool was disposed): a
 * `ScoreflowError` (the run failed: the CLI's exit code 1) naming the worker, carrying the
 * worker's own error name, and its stack as `cause`.
 */
export class ScoreNetWorkerError extends ScoreflowError {
  override readonly name = 'ScoreNetWorkerError';
  /** The name of the error the worker threw (e.g. `RangeError`). */
  readonly workerErrorName: string;
  constructor(message: string, workerErrorName = 'Error', workerStack?: string) {
    super(message, workerStack === undefined ? undefined : { cause: workerStack });
    this.workerErrorName = workerErrorName;
  }
}
