import { resolve } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import type { BenchResult, BenchValue } from '../measure.js';
import { BANANA_PROBLEM } from './banana-problem.js';
import { writeConditioningDoc } from './conditioning-doc.js';
import { writeConditioningFigure } from './conditioning-figure.js';
import type { ConditioningRow } from './conditioning-row.js';
import { TWO_MODE_PROBLEM } from './conditions.js';
import { conditioningContestants } from './contestants.js';
import type { RaceProblem } from './race-problem.js';
import { runCondition } from './run-condition.js';

/** Number of conditions x1 = a. */
export const CONDITIONS = 20;
/** Particles (or chains) per condition. */
export const PARTICLES = 1000;
/** Evaluations per particle and condition each contestant is given. */
export const PER_PARTICLE = [20, 100, 500] as const;
/** The problems of the race: the two-mode mixture, then the banana. */
export const RACE_PROBLEMS: readonly RaceProblem[] = [TWO_MODE_PROBLEM, BANANA_PROBLEM];

const root = resolve(import.meta.dirname, '../../../..');

/** Every contestant at every budget on `problem`'s K conditions, one row per contestant and budget. */
export async function raceProblem(problem: RaceProblem): Promise<ConditioningRow[]> {
  const registry = createBrowserRegistry();
  const conditions = problem.conditions(CONDITIONS);
  const rows: ConditioningRow[] = [];
  for (const contestant of conditioningContestants(problem.prior)) {
    for (const perParticle of PER_PARTICLE) {
      let evaluations = 0;
      let seconds = 0;
      let ks = 0;
      let summaryError = 0;
      for (const [i, c] of conditions.entries()) {
        const run = await runCondition(registry, problem, c, contestant.source, contestant.stage(c, perParticle), PARTICLES, i);
        evaluations += run.evaluations;
        seconds += run.seconds;
        ks += run.ks / conditions.length;
        summaryError += run.summaryError / conditions.length;
      }
      rows.push({ contestant: contestant.name, kind: contestant.kind, perParticle, evaluations, seconds, ks, summaryError });
      process.stderr.write(`  ${problem.name}: ${contestant.name} at ${perParticle}: ${Math.round(evaluations)} evaluations, ${seconds.toFixed(2)} s, KS ${ks.toFixed(4)}, ${problem.summary.label} ${summaryError.toFixed(4)}\n`);
    }
  }
  return rows;
}

/**
 * The conditioning race of issue 15 (docs/conditioning.md, "The conditioning race"): K = 20
 * conditions x1 = a (noise 0.05) on each problem, two Gaussians at (-2, -2) and (2, 2), then the
 * banana (as its quadrature mixture, `bananaMixture`); MCMC runs new chains on each condition's
 * posterior target, diffusion reuses one score (the exact posterior score, the twisted SMC sampler
 * and the biased baselines). Each gets the same evaluations per particle and condition; its last
 * snapshot is measured against the exact conditional by the KS distance of x2 and the error of the
 * problem's summary (upper-mode weight, E[x2 | y]), averaged over the conditions. Writes each
 * problem's table into docs/conditioning.md and its figure (docs/conditioning-race.svg,
 * docs/conditioning-race-banana.svg).
 */
export async function conditioningRace(problems: readonly RaceProblem[] = RACE_PROBLEMS): Promise<BenchResult> {
  const largest = PER_PARTICLE[PER_PARTICLE.length - 1];
  const values: BenchValue[] = [];
  for (const problem of problems) {
    const rows = await raceProblem(problem);
    writeConditioningDoc(resolve(root, 'docs/conditioning.md'), problem, rows, CONDITIONS, PARTICLES);
    const figure = problem.name === 'two-mode' ? 'conditioning-race.svg' : `conditioning-race-${problem.name}.svg`;
    writeConditioningFigure(resolve(root, 'docs', figure), problem, rows, PARTICLES);
    for (const row of rows.filter((row) => row.perParticle === largest)) {
      values.push({ name: `${problem.name}: ${row.contestant} at ${largest} evaluations per particle: mean KS distance`, value: row.ks, unit: '' });
    }
  }
  return {
    bench: 'The conditioning race',
    description: `7 contestants x ${PER_PARTICLE.length} budgets on ${CONDITIONS} conditions x1 = a of ${problems.map((problem) => problem.title).join(' and of ')}; full tables and figures in docs/conditioning.md`,
    values,
  };
}
