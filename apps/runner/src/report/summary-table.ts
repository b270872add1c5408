import Table from 'cli-table3';
import type { RunPlan } from '../pipeline/build-run.js';
import type { RunResult } from '../pipeline/execute-run.js';

const format = (value: number): string =>
  value === 0 ? '0' : Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toPrecision(4);

/**
 * The summary printed on stdout: the number of snapshots (distinct (stage, step) pairs), one row
 * per stage, numbered from 0 as in the config, with its NFE, its effective sample size as a
 * fraction of the particles where a stage reports one (`essFraction`: twisted-smc's final weights),
 * its final snapshot's metrics (cli-table3 for the layout), then the throughput.
 */
export function summaryTable(plan: RunPlan, result: RunResult): string {
  const finals = plan.stages.map((stage) => {
    const snapshots = result.metrics.filter((metrics) => metrics.stage === stage.index);
    return snapshots[snapshots.length - 1];
  });
  const names = [...new Set(finals.flatMap((snapshot) => Object.keys(snapshot?.values ?? {})))];
  // A weighted population (twisted-smc) reports its effective sample size as a fraction of the particles.
  const ess = result.stats.some((stats) => stats?.essFraction !== undefined);
  const table = new Table({ head: ['stage', 'type', 'steps', 'NFE', ...(ess ? ['ESS/N'] : []), 't (last)', 'n', ...names], style: { head: [], border: [] } });
  plan.stages.forEach((stage, index) => {
    const snapshot = finals[index];
    table.push([
      String(stage.index),
      stage.type,
      String(stage.plan.steps),
      result.stats[index]?.nfe === undefined ? '-' : format(result.stats[index].nfe.mean),
      ...(ess ? [result.stats[index]?.essFraction === undefined ? '-' : format(result.stats[index].essFraction.mean)] : []),
      snapshot === undefined ? '-' : format(snapshot.t),
      snapshot === undefined ? '-' : String(snapshot.n),
      ...names.map((name) => (snapshot?.values[name] === undefined ? '-' : format(snapshot.values[name]))),
    ]);
  });
  const rate = result.seconds > 0 ? result.particleSteps / result.seconds : 0;
  return [
    `${plan.config.name}: ${result.status}, ${plan.config.particles} particles, ${result.snapshotsWritten} snapshot${result.snapshotsWritten === 1 ? '' : 's'}`,
    table.toString(),
    `${format(result.particleSteps)} particle-steps in ${result.seconds.toFixed(2)} s (${format(rate)} per second)`,
  ].join('\n');
}
