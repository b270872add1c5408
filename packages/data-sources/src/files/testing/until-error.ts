import type { DataSource, ParticleBatch, RunContext } from '@scoreflow/core';

/** What a source emitted before it failed (test helper). */
export interface UntilError {
  readonly batches: readonly ParticleBatch[];
  /** The error it ended with, or undefined when it completed. */
  readonly error: Error | undefined;
}

/** Runs `source.sample(ctx)` to its end, keeping the batches emitted before an error (test helper). */
export function untilError(source: DataSource, ctx: RunContext): Promise<UntilError> {
  const batches: ParticleBatch[] = [];
  return new Promise((resolve) => {
    source.sample(ctx).subscribe({
      next: (batch) => batches.push(batch),
      error: (error: Error) => resolve({ batches, error }),
      complete: () => resolve({ batches, error: undefined }),
    });
  });
}

/** The error `fn` throws (test helper); fails when it throws none. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
