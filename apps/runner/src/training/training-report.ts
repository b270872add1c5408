import { threadsInWords } from '@scoreflow/score-nets/node';
import Table from 'cli-table3';
import type { TrainingPlan } from './build-training.js';
import type { TrainingResult } from './execute-training.js';

const format = (value: number): string =>
  value === 0 ? '0' : Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toPrecision(4);

/** metrics.json of a training. */
export function trainingMetrics(plan: TrainingPlan, result: TrainingResult): Record<string, unknown> {
  return {
    run: plan.config.name,
    seed: plan.config.seed,
    status: result.status,
    error: result.error?.message ?? null,
    backend: result.backend,
    workers: result.workers,
    steps: result.steps,
    targetSteps: plan.config.training.steps,
    resumedFrom: result.resumedFrom,
    loss: result.loss,
    lastLoss: result.lastLoss,
    stepsPerSecond: result.stepsPerSecond,
    seconds: result.seconds,
    checkpoint: 'checkpoint',
    scoreError: result.scoreError ?? null,
  };
}

/**
 * The summary printed on stdout: status, steps, backend, loss and speed, then (when the data
 * have an exact score) the learned-vs-exact score error per time.
 */
export function trainingSummary(plan: TrainingPlan, result: TrainingResult): string {
  const loss = result.loss === null ? '-' : format(result.loss);
  const lines = [
    `${plan.config.name}: ${result.status}, ${result.steps}/${plan.config.training.steps} steps on ${result.backend}${result.workers > 0 ? ` (${threadsInWords(result.workers)})` : ''}` +
      `${result.resumedFrom > 0 ? ` (resumed from step ${result.resumedFrom})` : ''}, loss (EMA) ${loss}, ` +
      `${result.stepsPerSecond.toFixed(2)} steps/s, ${result.seconds.toFixed(1)} s`,
  ];
  if (result.scoreError !== undefined) {
    const table = new Table({ head: ['t', 'relative MSE (EMA)', 'relative MSE (raw)', 'E|s_exact|^2'], style: { head: [], border: [] } });
    for (const row of result.scoreError) table.push([format(row.t), format(row.relativeMse), format(row.relativeMseRaw), format(row.exactMeanSquare)]);
    lines.push('learned vs exact score, E|s_net - s_exact|^2 / E|s_exact|^2 over p_t (EMA weights: the ones sampled with):', table.toString());
  }
  return lines.join('\n');
}
