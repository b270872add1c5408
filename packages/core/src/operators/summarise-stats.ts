import { type Observable, type OperatorFunction, defer, map, reduce } from 'rxjs';
import type { StageStatName, StageStats } from '../contracts/stage.js';

/** A statistic of a stage over its particles. */
export interface StatSummary {
  /** Mean per particle, weighted by the particles of each record. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Particles counted. */
  readonly particles: number;
}

/** Every statistic a stage reported, summarised (as `metrics.json` lists a stage's `stats`). */
export type StageStatsSummary = Partial<Record<StageStatName, StatSummary>>;

/** Adds up `StageStats` records; `summary()` gives what they add up to so far. */
export interface StatsAccumulator {
  add(record: StageStats): StatsAccumulator;
  summary(): StageStatsSummary;
}

/**
 * An empty `StatsAccumulator`: per statistic the mean over particles (each record weighted by its
 * particles), the smallest and largest record value, and the particles counted. Non-finite values
 * are left out (e.g. the acceptance of chains stopped during warm-up).
 */
export function createStatsAccumulator(): StatsAccumulator {
  const sums = new Map<StageStatName, { sum: number; min: number; max: number; particles: number }>();
  const accumulator: StatsAccumulator = {
    add({ particles, values }) {
      for (const [name, value] of Object.entries(values) as [StageStatName, number][]) {
        if (!Number.isFinite(value)) continue;
        const entry = sums.get(name) ?? { sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, particles: 0 };
        entry.sum += value * particles;
        entry.min = Math.min(entry.min, value);
        entry.max = Math.max(entry.max, value);
        entry.particles += particles;
        sums.set(name, entry);
      }
      return accumulator;
    },
    summary() {
      const summary: StageStatsSummary = {};
      for (const [name, { sum, min, max, particles }] of sums) summary[name] = { mean: particles > 0 ? sum / particles : 0, min, max, particles };
      return summary;
    },
  };
  return accumulator;
}

/**
 * Summarises the `StageStats` of a stage (one record per input batch) into one `StageStatsSummary`
 * when they complete (`{}` when there was none). Built from `reduce`, state per subscription.
 *
 * @example
 * stage.stats.pipe(takeUntil(done$), summariseStats()).subscribe((summary) => console.log(summary.nfe?.mean));
 */
export function summariseStats(): OperatorFunction<StageStats, StageStatsSummary> {
  return (source) =>
    defer(() =>
      source.pipe(
        reduce((accumulator, record) => accumulator.add(record), createStatsAccumulator()),
        map((accumulator) => accumulator.summary()),
      ),
    );
}

/** A running summary of a stage's statistics (`watchStats`). */
export interface StatsWatch {
  /** What the records so far add up to. */
  summary(): StageStatsSummary;
  /** Stops listening. */
  unsubscribe(): void;
}

/**
 * Listens to a stage's `stats` from now on and keeps their summary: subscribe before running the
 * stage, read `summary()` after.
 *
 * @example
 * const stats = watchStats(stage);
 * await lastValueFrom(source.sample(ctx).pipe(stage, toArray()));
 * console.log(stats.summary().nfe?.mean);
 */
export function watchStats(stats: Observable<StageStats>): StatsWatch {
  const accumulator = createStatsAccumulator();
  const subscription = stats.subscribe((record) => accumulator.add(record));
  return { summary: () => accumulator.summary(), unsubscribe: () => subscription.unsubscribe() };
}
