import { type MonoTypeOperatorFunction, concat, concatMap, defer } from 'rxjs';
import { stagesOf, stepsOf } from '../batch/accessors.js';
import { concatParticleBatches } from '../batch/concat-batches.js';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { ScoreflowError } from '../errors/scoreflow-error.js';

/**
 * Gathers the batches of each snapshot into one batch holding the whole population, ordered by
 * particle id. Stages stream a large population batch by batch (65,536 particles each by default,
 * every step of one batch before the next batch), so one snapshot reaches the stream as several
 * batches; this puts each back together. A snapshot is the rows of one step (and one stage, when
 * the batches carry the `stage` column of `stageTagger`).
 *
 * With `particles` (the population size, e.g. `ctx.particles`), a snapshot is emitted as soon as
 * it holds that many rows, and one still short of it when the source completes (an interrupted
 * run) is dropped: only whole snapshots pass. Without it, every snapshot is emitted when the
 * source completes, in the order their first batches came. Snapshots are kept in memory until
 * they are whole.
 *
 * @param particles The number of particles in the population: an integer >= 1.
 * @example
 * const snapshots = await lastValueFrom(
 *   priorSource(sde, 2).sample(ctx).pipe(eulerMaruyama({ sde, score, rng: ctx.rng, times }), wholeSnapshots(ctx.particles), toArray()),
 * );
 * snapshots.at(-1)!.numRows; // ctx.particles
 */
export function wholeSnapshots(particles?: number): MonoTypeOperatorFunction<ParticleBatch> {
  checkParticles('wholeSnapshots', particles);
  return (source) =>
    defer(() => {
      const gatherer = snapshotGatherer(particles);
      return concat(source.pipe(concatMap((batch) => gatherer.add(batch))), defer(() => gatherer.rest()));
    });
}

/**
 * `wholeSnapshots` for an array of batches (e.g. the result of `toArray()`): one batch per
 * snapshot, in the order their first batches came, each ordered by particle id. With `particles`,
 * snapshots with fewer rows are left out.
 *
 * @example
 * const last = wholeSnapshotsOf(batches).at(-1)!; // the last snapshot, every particle
 */
export function wholeSnapshotsOf(batches: Iterable<ParticleBatch>, particles?: number): ParticleBatch[] {
  checkParticles('wholeSnapshotsOf', particles);
  const gatherer = snapshotGatherer(particles);
  const out: ParticleBatch[] = [];
  for (const batch of batches) out.push(...gatherer.add(batch));
  return [...out, ...gatherer.rest()];
}

function snapshotGatherer(particles: number | undefined) {
  const groups = new Map<string, { batches: ParticleBatch[]; rows: number }>();
  return {
    /** Files `batch` under its snapshot; returns the snapshot when `batch` completed it. */
    add(batch: ParticleBatch): ParticleBatch[] {
      const step = stepsOf(batch)[0];
      const stage = stagesOf(batch)?.[0];
      const key = `${stage ?? ''}/${step}`;
      const group = groups.get(key) ?? { batches: [], rows: 0 };
      groups.set(key, group);
      group.batches.push(batch);
      group.rows += batch.numRows;
      if (particles === undefined || group.rows < particles) return [];
      if (group.rows > particles) {
        const where = stage === undefined ? `step ${step}` : `stage ${stage}, step ${step}`;
        throw new ScoreflowError(`wholeSnapshots: the snapshot at ${where} holds more than ${particles} particles: particles must be the population size, got ${particles}.`);
      }
      groups.delete(key);
      return [concatParticleBatches(group.batches)];
    },
    /** What is left when the batches end: every snapshot without `particles`, none with it. */
    rest(): ParticleBatch[] {
      const left = particles === undefined ? [...groups.values()].map((group) => concatParticleBatches(group.batches)) : [];
      groups.clear();
      return left;
    },
  };
}

function checkParticles(caller: string, particles: number | undefined): void {
  if (particles !== undefined && !(Number.isSafeInteger(particles) && particles >= 1)) {
    throw new RangeError(`${caller}: particles must be an integer >= 1 (the population size), got ${particles}.`);
  }
}
