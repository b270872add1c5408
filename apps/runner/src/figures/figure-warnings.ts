import type { RunPlan } from '../pipeline/build-run.js';
import type { PlannedFigure } from './plan-figures.js';

/**
 * The snapshots per particle a stage will emit, where the plan tells: the source's one when the
 * pipeline is empty; for an MCMC stage (its `Stage.plan`), ceil(steps / thin) after warm-up, and
 * with `includeWarmup` also the initial state and the warm-up's. Undefined for other stages.
 */
export function plannedSnapshots(plan: RunPlan, stage: number): number | undefined {
  if (plan.stages.length === 0) return 1;
  if (plan.stages[stage]?.chains !== true) return undefined;
  // The stage's plan: `snapshotEvery` is the thinning, `includeInitial` is `includeWarmup`.
  const { steps, snapshotEvery, warmup, includeInitial } = plan.stages[stage].plan;
  const sampled = Math.ceil(steps / snapshotEvery);
  return includeInitial ? sampled + 1 + Math.ceil(warmup / snapshotEvery) : sampled;
}

/**
 * Warnings for figures that would draw almost nothing, found before anything runs: a figure that
 * says what it shows of one snapshot (`Figure.oneSnapshot`: a trace, paths, an animation) of a
 * stage that emits one (an MCMC stage with `thin` >= `steps`, or the source alone), with what to
 * change. Each starts with the figure's path in the config.
 */
export function figureWarnings(plan: RunPlan, figures: readonly PlannedFigure[]): string[] {
  const warnings: string[] = [];
  figures.forEach(({ index, figure }) => {
    const shows = figure.oneSnapshot;
    const stage = figure.needs.snapshots?.stage;
    if (shows === undefined || stage === undefined || plannedSnapshots(plan, stage) !== 1) return;
    const where = `figures.${index} (${figure.file})`;
    if (plan.stages.length === 0) {
      warnings.push(`${where}: the pipeline is empty, so the source's one snapshot is all there is: ${shows}.`);
      return;
    }
    const { steps, snapshotEvery: thin } = plan.stages[stage].plan;
    warnings.push(
      `${where}: stage ${stage} (${plan.stages[stage].type}) emits one snapshot per chain (iteration ${steps}: steps ${steps}, thin ${thin}), so ${shows}. Set pipeline.${stage}.thin below steps (or includeWarmup: true) to see the chains move.`,
    );
  });
  return warnings;
}
