import type { RunPlan } from '../pipeline/build-run.js';
import type { FigureConfig } from './figure-schema.js';

/** What a figure that draws a stage's snapshots over time shows when there is only one. */
const ONE_SNAPSHOT: Partial<Record<FigureConfig['type'], string>> = {
  trace: 'the trace shows each chain as a dot',
  paths: 'each path is a single point',
  animation: 'the animation has one frame',
};

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
 * Warnings for figures that would draw almost nothing, found before anything runs: a trace, paths
 * or an animation of a stage that emits one snapshot (an MCMC stage with `thin` >= `steps`, or the
 * source alone), with what to change. Each starts with the figure's path in the config.
 */
export function figureWarnings(plan: RunPlan, figures: readonly FigureConfig[]): string[] {
  const warnings: string[] = [];
  figures.forEach((figure, index) => {
    const shows = ONE_SNAPSHOT[figure.type];
    if (shows === undefined || !('stage' in figure) || plannedSnapshots(plan, figure.stage) !== 1) return;
    const where = `figures.${index} (${figure.file})`;
    if (plan.stages.length === 0) {
      warnings.push(`${where}: the pipeline is empty, so the source's one snapshot is all there is: ${shows}.`);
      return;
    }
    const { steps, snapshotEvery: thin } = plan.stages[figure.stage].plan;
    warnings.push(
      `${where}: stage ${figure.stage} (${plan.stages[figure.stage].type}) emits one snapshot per chain (iteration ${steps}: steps ${steps}, thin ${thin}), so ${shows}. Set pipeline.${figure.stage}.thin below steps (or includeWarmup: true) to see the chains move.`,
    );
  });
  return warnings;
}
