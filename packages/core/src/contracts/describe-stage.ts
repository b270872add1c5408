import { type OperatorFunction, Subject } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';
import type { Stage, StageDescription, StageStats } from './stage.js';

/** Tells a stage's `stats` what one input batch did. */
export type StatsReport = (stats: StageStats) => void;

/**
 * Makes a `Stage` of an operator and its description: `build` receives the `report` function that
 * emits on the stage's `stats` (synchronously, to whoever subscribed before), and returns the
 * operator. Checks the plan: `steps` and `warmup` integers >= 0, `snapshotEvery` an integer >= 1.
 *
 * @example
 * const stage = describeStage({ kind: 'forward', plan: { steps: 10, warmup: 0, snapshotEvery: 1, includeInitial: true } }, (report) =>
 *   concatMap((batch) => runSteps('forward', loopOf(batch), schedule).pipe(finalize(() => report({ particles: batch.numRows, values: {} })))));
 * stage.stats.subscribe(({ particles, values }) => console.log(particles, values.nfe));
 */
export function describeStage(description: StageDescription, build: (report: StatsReport) => OperatorFunction<ParticleBatch, ParticleBatch>): Stage {
  const { kind, plan } = description;
  for (const [field, min] of [
    ['steps', 0],
    ['warmup', 0],
    ['snapshotEvery', 1],
  ] as const) {
    const value = plan[field];
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`describeStage: plan.${field} must be an integer >= ${min}, got ${value}.`);
  }
  const stats = new Subject<StageStats>();
  const operator = build((record) => stats.next(record));
  const stage = (source: Parameters<typeof operator>[0]) => operator(source);
  return Object.freeze(Object.assign(stage, { kind, plan: Object.freeze({ ...plan }), stats: stats.asObservable() }));
}
