import type { ParticleBatch } from '@scoreflow/core';
import { type MonoTypeOperatorFunction, tap } from 'rxjs';
import type { RunEvent } from './run-events.js';

/**
 * Writes every snapshot batch that passes, tagged with its stage (`tag`: core's `stageTagger`),
 * with `write` (the particle journal); the events pass on unchanged. A failed write errors the stream.
 */
export function writeParticles(write: (batch: ParticleBatch) => void, tag: (batch: ParticleBatch, stage: number) => ParticleBatch): MonoTypeOperatorFunction<RunEvent> {
  return tap((event) => {
    if (event.type === 'snapshot') write(tag(event.batch, event.stage));
  });
}
