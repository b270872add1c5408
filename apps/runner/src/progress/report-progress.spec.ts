import { makeParticleBatch } from '@scoreflow/core';
import { Subject, concat, from, lastValueFrom, tap, throwError, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../pipeline/run-events.js';
import { populationProgress } from './population-progress.js';
import type { ProgressReporter } from './progress-reporter.js';
import { reportProgress } from './report-progress.js';

const batch = (step: number) => makeParticleBatch({ x: new Float32Array(4), dim: 1, id: Uint32Array.from([0, 1, 2, 3]), step, t: step });
const events: RunEvent[] = [
  { type: 'snapshot', stage: 0, batch: batch(1) },
  { type: 'stats', stage: 0, stats: { particles: 4, values: { nfe: 2 } } },
  { type: 'snapshot', stage: 0, batch: batch(2) },
];

function recording() {
  const calls: string[] = [];
  const progress: ProgressReporter = { start: () => undefined, update: (done, label) => calls.push(`${done} ${label}`), stop: () => calls.push('stop') };
  return { calls, progress, population: populationProgress([{ type: 'ode-euler', steps: 2, warmup: 0, chains: false }], 4) };
}

describe('reportProgress(population, progress)', () => {
  it('shows each snapshot (not the stats), passes every event on, and stops once at the end, before what follows the end', async () => {
    const { calls, progress, population } = recording();
    const passed = await lastValueFrom(from(events).pipe(reportProgress(population, progress), toArray(), tap(() => calls.push('after'))));
    expect(passed).toEqual(events);
    expect(calls).toEqual(['4 stage 0 (ode-euler) step 1/2', '8 stage 0 (ode-euler) step 2/2', 'stop', 'after']);
  });

  it('stops once on a failure and on an unsubscribe', async () => {
    const failed = recording();
    await expect(lastValueFrom(concat(from(events), throwError(() => new Error('boom'))).pipe(reportProgress(failed.population, failed.progress)))).rejects.toThrow('boom');
    expect(failed.calls.filter((call) => call === 'stop')).toHaveLength(1);
    const left = recording();
    new Subject<RunEvent>().pipe(reportProgress(left.population, left.progress)).subscribe().unsubscribe();
    expect(left.calls).toEqual(['stop']);
  });
});
