import { resolve } from 'node:path';
import type { BenchResult } from '../measure.js';
import { KEEP, budgetOptions, kindOf } from './race/budget.js';
import { readContestants } from './race/contestant.js';
import { writeRaceDoc } from './race/race-doc.js';
import type { NoiseFloor, RaceRow } from './race/race-row.js';
import { writeRaceFigure } from './race/race-figure.js';
import { describeContestant, exactSample, runContestant } from './race/run-contestant.js';
import { sampleQuality } from './race/sample-quality.js';
import { createBrowserRegistry } from '@scoreflow/catalogue';

/** Total evaluations (all particles together) each contestant is given. */
export const RACE_BUDGETS = [2e4, 1e5, 5e5, 2e6] as const;
/** Pairs of independent exact samples that give the noise floor. */
const FLOOR_PAIRS = 5;
/** Runs faster than this (seconds) are repeated twice more and timed by the fastest (the samples are the same). */
const RETIME_BELOW = 2;

const root = resolve(import.meta.dirname, '../../../..');
const registry = createBrowserRegistry();

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const spread = (values: readonly number[]) => Math.sqrt(values.reduce((sum, value) => sum + (value - mean(values)) ** 2, 0) / (values.length - 1));

/**
 * The race of issue 4: every config of apps/runner/configs/mcmc-vs-diffusion (parallel RWM, MALA
 * and HMC chains, one long RWM chain, the reverse SDE and the probability-flow ODE, all on one
 * two-mode target with weights 1/4 and 3/4), rescaled to each total budget of density / score
 * evaluations, measured by sliced W2, MMD^2 (bandwidth 1) and the left-mode share of its 2000
 * states against 2000 exact samples of the target. Every contestant first runs once at the
 * smallest budget, untimed, so that no cell pays for compilation; runs under 2 s are timed by
 * the fastest of three. Writes the table into docs/mcmc-vs-diffusion.md and the figure
 * docs/mcmc-vs-diffusion.svg.
 */
export async function mcmcRace(): Promise<BenchResult> {
  const contestants = readContestants(resolve(root, 'apps/runner/configs/mcmc-vs-diffusion'));
  if (contestants.length === 0) throw new Error('mcmc-race: no configs in apps/runner/configs/mcmc-vs-diffusion.');
  const [first] = contestants;
  const reference = await exactSample(registry, first, KEEP, 'race-reference');
  const pairs = await Promise.all(
    Array.from({ length: FLOOR_PAIRS }, async (_, k) => [await exactSample(registry, first, KEEP, `floor-a-${k}`), await exactSample(registry, first, KEEP, `floor-b-${k}`)]),
  );
  const floorQuality = pairs.map(([a, b]) => sampleQuality(a, b, first.dim));
  const sw2s = floorQuality.map((q) => q.sw2);
  const mmds = floorQuality.map((q) => q.mmd2);
  const floor: NoiseFloor = { sw2: mean(sw2s), sw2Spread: spread(sw2s), mmd2: mean(mmds), mmd2Spread: spread(mmds), pairs: FLOOR_PAIRS };

  const described = new Map(contestants.map((contestant) => [contestant, describeContestant(registry, contestant)]));
  for (const [contestant, stage] of described) await runContestant(registry, contestant, budgetOptions(contestant, stage, RACE_BUDGETS[0]));
  const rows: RaceRow[] = [];
  for (const [contestant, stage] of described) {
    for (const budget of RACE_BUDGETS) {
      const options = budgetOptions(contestant, stage, budget);
      const run = await runContestant(registry, contestant, options);
      let seconds = run.seconds;
      for (let repeat = 0; repeat < 2 && run.seconds < RETIME_BELOW; repeat++) seconds = Math.min(seconds, (await runContestant(registry, contestant, options)).seconds);
      const quality = sampleQuality(run.sample, reference, contestant.dim);
      rows.push({ contestant: contestant.name, kind: kindOf(contestant, stage), budget, options, n: run.sample.length / contestant.dim, evaluations: run.evaluations, seconds, ...quality });
      process.stderr.write(`  ${contestant.name} budget ${budget}: ${run.evaluations} evaluations, ${seconds.toFixed(3)} s, sliced W2 ${quality.sw2.toFixed(3)}, left ${quality.leftShare.toFixed(3)}\n`);
    }
  }
  writeRaceDoc(resolve(root, 'docs/mcmc-vs-diffusion.md'), rows, floor);
  writeRaceFigure(resolve(root, 'docs/mcmc-vs-diffusion.svg'), rows, floor);
  const largest = RACE_BUDGETS[RACE_BUDGETS.length - 1];
  return {
    bench: 'MCMC against diffusion (the race)',
    description: `${contestants.length} contestants x ${RACE_BUDGETS.length} budgets on 0.25 N((-4,0), 0.5^2 I) + 0.75 N((4,0), 0.5^2 I); full table and figure in docs/mcmc-vs-diffusion.md`,
    values: [
      { name: `noise floor sliced W2 (mean of ${FLOOR_PAIRS} exact pairs of ${KEEP})`, value: floor.sw2, unit: '' },
      ...rows
        .filter((row) => row.budget === largest)
        .flatMap((row) => [
          { name: `${row.contestant} at ${largest.toExponential(0)} evaluations: sliced W2`, value: row.sw2, unit: '' },
          { name: `${row.contestant} at ${largest.toExponential(0)} evaluations: left-mode share`, value: row.leftShare, unit: '(target 0.25)' },
        ]),
    ],
  };
}
