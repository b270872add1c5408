import { type MonoTypeOperatorFunction, tap } from 'rxjs';
import { dimOf, idsOf, positionsOf, stepsOf, timesOf } from '../batch/accessors.js';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { NonFiniteError, type NonFiniteProducer } from '../errors/non-finite-error.js';
import { firstNonFinite } from './first-non-finite.js';

/**
 * Passes batches on unchanged while every position is finite; errors with a `NonFiniteError`
 * naming `name`, the step, t and the first particle otherwise, before the batch goes on (so a
 * sink after it never writes it). `runSteps` checks what a stage computes; this checks what
 * comes from elsewhere, such as a data source's batches (`producer` 'source', the default).
 *
 * @example
 * // A prior too wide for Float32 is stopped before anything is written:
 * source.sample(ctx).pipe(checkFinite(source.name), tap((batch) => writer.write(batch)));
 */
export function checkFinite(name: string, producer: NonFiniteProducer = 'source'): MonoTypeOperatorFunction<ParticleBatch> {
  return tap((batch: ParticleBatch) => {
    const bad = firstNonFinite(positionsOf(batch));
    if (bad < 0) return;
    const row = Math.floor(bad / dimOf(batch));
    throw new NonFiniteError(name, stepsOf(batch)[row], timesOf(batch)[row], idsOf(batch)[row], producer);
  });
}
