import { type ParticleBatch, idsOf, stepsOf } from '@scoreflow/core';

/** A stage as progress counts it. */
export interface ProgressStage {
  readonly type: string;
  /** Steps (MCMC: iterations after warm-up) of every particle. */
  readonly steps: number;
  /** Warm-up iterations before the steps (MCMC), emitted as steps -warmup .. 0 when at all. */
  readonly warmup: number;
  /** Whether the stage runs MCMC chains: its steps are called iterations. */
  readonly chains: boolean;
}

/** Where the population stands after a snapshot. */
export interface PopulationPosition {
  /** Particle-steps done by the whole population, over every stage (warm-up included). */
  readonly done: number;
  /** `stage 0 (euler-maruyama) step 600/1000`: the stage's step, as the population's average. */
  readonly label: string;
}

/**
 * Counts a run's progress over the whole population from the snapshots that pass. Stages stream a
 * population batch by batch (every step of one batch, then the next batch; a later stage starts on
 * the first batches while an earlier one still runs), so one batch's step says little: each stage
 * keeps the particle-steps of every batch (keyed by its first particle id), and the step shown is
 * the stage's particle-steps divided by the population, which never goes backward. A snapshot is
 * one (stage, step) pair, however many batches carry it.
 *
 * `total` is the work of the whole run: (warm-up + steps) x particles, summed over the stages.
 */
export function populationProgress(stages: readonly ProgressStage[], particles: number) {
  const perBatch = stages.map(() => new Map<number, number>());
  const stageDone = stages.map(() => 0);
  const snapshots = new Set<string>();
  let done = 0;
  return {
    total: stages.reduce((sum, stage) => sum + (stage.warmup + stage.steps) * particles, 0),
    /** Records a snapshot batch of stage `stage` (an index into `stages`). */
    record(stage: number, batch: ParticleBatch): PopulationPosition {
      const { type, steps, warmup, chains } = stages[stage];
      const step = stepsOf(batch)[0] ?? 0;
      snapshots.add(`${stage}/${step}`);
      if (batch.numRows > 0) {
        // MCMC snapshots count from the end of warm-up (steps -warmup .. steps).
        const work = batch.numRows * Math.min(warmup + steps, Math.max(0, warmup + step));
        const key = idsOf(batch)[0];
        const before = perBatch[stage].get(key) ?? 0;
        if (work > before) {
          perBatch[stage].set(key, work);
          stageDone[stage] += work - before;
          done += work - before;
        }
      }
      const iterations = Math.floor(stageDone[stage] / Math.max(1, particles));
      const unit = chains ? 'iteration' : 'step';
      const where = iterations < warmup ? `warm-up ${iterations}/${warmup}` : `${unit} ${iterations - warmup}/${steps}`;
      return { done, label: `stage ${stage} (${type}) ${where}` };
    },
    /** Particle-steps done so far, over every stage. */
    get done(): number {
      return done;
    },
    /** Distinct snapshots recorded: (stage, step) pairs, not batches. */
    get snapshots(): number {
      return snapshots.size;
    },
  };
}

/** A run's progress over its whole population (`populationProgress`). */
export type PopulationProgress = ReturnType<typeof populationProgress>;
