import { resolve } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import type { BenchResult } from '../measure.js';
import { writeConditioningDoc } from './conditioning-doc.js';
import { writeConditioningFigure } from './conditioning-figure.js';
import type { ConditioningRow } from './conditioning-row.js';
import { raceConditions } from './conditions.js';
import { CONDITIONING_CONTESTANTS } from './contestants.js';
import { runCondition } from './run-condition.js';

/** Number of conditions x1 = a. */
export const CONDITIONS = 20;
/** Particles (or chains) per condition. */
export const PARTICLES = 1000;
/** Evaluations per particle and condition each contestant is given. */
export const PER_PARTICLE = [20, 100, 500] as const;

const root = resolve(import.meta.dirname, '../../../..');

/**
 * The conditioning race of issue 15 (docs/conditioning.md, "The conditioning race"): K = 20
 * conditions x1 = a (noise 0.05) on two Gaussians at (-2, -2) and (2, 2); MCMC runs new chains on
 * each condition's posterior target, diffusion reuses one score (the exact posterior score, the
 * twisted SMC sampler and the biased baselines). Each gets the same evaluations per particle and
 * condition; its last snapshot is measured against the exact conditional (a Kalman update per
 * component) by the KS distance of x2 and the error in the upper mode's weight, averaged over the
 * conditions. Writes the table into docs/conditioning.md and docs/conditioning-race.svg.
 */
export async function conditioningRace(): Promise<BenchResult> {
  const registry = createBrowserRegistry();
  const conditions = raceConditions(CONDITIONS);
  const rows: ConditioningRow[] = [];
  for (const contestant of CONDITIONING_CONTESTANTS) {
    for (const perParticle of PER_PARTICLE) {
      let evaluations = 0;
      let seconds = 0;
      let ks = 0;
      let shareError = 0;
      for (const [i, c] of conditions.entries()) {
        const run = await runCondition(registry, c, contestant.source, contestant.stage(c, perParticle), PARTICLES, i);
        evaluations += run.evaluations;
        seconds += run.seconds;
        ks += run.ks / conditions.length;
        shareError += run.shareError / conditions.length;
      }
      rows.push({ contestant: contestant.name, kind: contestant.kind, perParticle, evaluations, seconds, ks, shareError });
      process.stderr.write(`  ${contestant.name} at ${perParticle}: ${Math.round(evaluations)} evaluations, ${seconds.toFixed(2)} s, KS ${ks.toFixed(4)}, mode-weight error ${shareError.toFixed(4)}\n`);
    }
  }
  writeConditioningDoc(resolve(root, 'docs/conditioning.md'), rows, CONDITIONS, PARTICLES);
  writeConditioningFigure(resolve(root, 'docs/conditioning-race.svg'), rows, PARTICLES);
  const largest = PER_PARTICLE[PER_PARTICLE.length - 1];
  return {
    bench: 'The conditioning race',
    description: `${CONDITIONING_CONTESTANTS.length} contestants x ${PER_PARTICLE.length} budgets on ${CONDITIONS} conditions x1 = a of a two-mode mixture; full table and figure in docs/conditioning.md`,
    values: rows
      .filter((row) => row.perParticle === largest)
      .map((row) => ({ name: `${row.contestant} at ${largest} evaluations per particle: mean KS distance`, value: row.ks, unit: '' })),
  };
}
