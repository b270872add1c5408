import { type StageStatsSummary, checkFinite, stageTagger, stepsOf, timesOf } from '@scoreflow/core';
import { EMPTY, type Observable, catchError, connect, forkJoin, lastValueFrom, tap } from 'rxjs';
import { type FigureCollector, type FigureRecord, type PlannedFigure, renderFigures } from '../figures/index.js';
import { populationProgress } from '../progress/population-progress.js';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import { reportProgress } from '../progress/report-progress.js';
import { JOURNAL_FILE, type ParticleFormat, liveStatus, openParticleOutput, outputPath, writeJsonAtomic } from '../output/index.js';
import type { RunPlan } from './build-run.js';
import { type StageChainReport, traceChains } from './chain-traces.js';
import { collectFigures } from './collect-figures.js';
import { type StageMetrics, measureStages } from './measure-stages.js';
import { referenceSampler } from './reference-sampler.js';
import type { RunEvent } from './run-events.js';
import { runStages } from './run-stages.js';
import { summariseStages } from './summarise-stages.js';
import { writeParticles } from './write-particles.js';

/** Where a run ended: the last snapshot written. */
export interface RunPosition {
  readonly stage: number;
  readonly type: string;
  readonly step: number;
  readonly t: number;
}

/** What a run did. */
export interface RunResult {
  readonly status: 'completed' | 'interrupted' | 'failed';
  readonly error?: Error;
  /** The last snapshot written, if any. */
  readonly last?: RunPosition;
  /** Snapshots written: distinct (stage, step) pairs, however many batches carried each. */
  readonly snapshotsWritten: number;
  /** Particle-steps done by the whole population (MCMC warm-up included). */
  readonly particleSteps: number;
  readonly seconds: number;
  readonly metrics: StageMetrics[];
  /** What each stage reported (NFE, acceptance, ...), summarised, in pipeline order. */
  readonly stats: StageStatsSummary[];
  /** The figures drawn (or not, with why) into the output folder. */
  readonly figures: FigureRecord[];
  /** The particle file written (`trajectories.arrow` or `.parquet`), or the journal left when it could not be. */
  readonly particleFile?: string;
}

/** The run's events computed here: the source's batches, checked like a stage's steps (before anything is written), through the stages. */
export function inProcessEvents(plan: RunPlan): Observable<RunEvent> {
  return plan.source.sample(plan.ctx).pipe(checkFinite(plan.source.name), runStages(plan.stages.map((stage) => stage.stage)));
}

/** What the operators sharing a run's stream give when it ends. */
interface RunOutcome {
  readonly metrics: StageMetrics[];
  readonly chains: (StageChainReport | undefined)[];
  readonly collector: FigureCollector;
  readonly stats: StageStatsSummary[];
}

/**
 * Runs a plan into `outDir`: every snapshot of every stage streams into the journal
 * `trajectories.arrows` (Arrow IPC stream, whole batches even after a killed process), which
 * becomes `trajectories.arrow` (Arrow IPC file, tidy) or `trajectories.parquet` (`output.format`)
 * at the end; the measured snapshots go to `metrics.json` (status `running`, kept current, until
 * the end), the resolved config to `config.resolved.json`. An interruption (the plan's abort
 * signal) or a failure still writes the particle file, so that every snapshot finished so far
 * stays readable.
 *
 * `figures` (from `planFigures`) keep what they need of the stream as it passes (a capped share
 * of the snapshots they draw) and are drawn at the end, after an interruption or a failure too,
 * from what was finished; `metrics.json` lists them.
 *
 * The run is one stream of events (`runStages`: every stage's snapshots and stats) composed from
 * small operators: `writeParticles`, the last position, `reportProgress` and the live status in
 * line, then a failure turned into the end of the stream (recorded), then the stream shared
 * (`connect`) by operators that each give one result when it ends: `measureStages` (the metrics
 * package's `measureSnapshots`), `traceChains` (its `gatherTrace`), `collectFigures` and
 * `summariseStages`.
 *
 * `runEvents` gives the stream: in this process by default (`inProcessEvents`), or gathered from
 * workers by a distributed engine (`apps/runner/src/engine`), which must give the same events in
 * the same order.
 */
export async function executeRun(
  plan: RunPlan,
  outDir: string,
  progress: ProgressReporter,
  figures: readonly PlannedFigure[] = [],
  runEvents: (plan: RunPlan) => Observable<RunEvent> = inProcessEvents,
): Promise<RunResult> {
  const { config, ctx, stages } = plan;
  writeJsonAtomic(outputPath(outDir, 'config'), plan.resolved);
  const referenceAt = plan.reference === undefined ? undefined : await referenceSampler(plan.reference.source, plan.reference.ctx, plan.sde);
  const format: ParticleFormat = config.output?.format ?? 'arrow';
  const writer = openParticleOutput(outDir, format);
  const live = liveStatus(outputPath(outDir, 'metrics'));
  const startedAt = new Date().toISOString();
  // Stages are numbered from 0, as in the config (`pipeline.0`); an empty pipeline's one snapshot,
  // the source's, is stage 0 named `source`.
  const counted = stages.length === 0 ? [{ type: 'source', steps: 0, warmup: 0, chains: false }] : stages.map(({ type, plan, chains }) => ({ type, steps: plan.steps, warmup: plan.warmup, chains }));
  const population = populationProgress(counted, config.particles);
  const tagStage = stageTagger(counted.map((stage) => stage.type));
  let last: RunPosition | undefined;
  const started = performance.now();

  let error: Error | undefined;
  const measured = Math.min(config.measure.particles, config.particles);
  const run: Observable<RunOutcome> = runEvents(plan).pipe(
    writeParticles((batch) => writer.write(batch), tagStage),
    tap((event) => {
      if (event.type === 'snapshot') last = { stage: event.stage, type: counted[event.stage].type, step: stepsOf(event.batch)[0] ?? 0, t: timesOf(event.batch)[0] ?? Number.NaN };
    }),
    reportProgress(population, progress),
    tap((event) => {
      if (event.type === 'snapshot') live.update(running);
    }),
    // A failure ends the stream (and the run): what was gathered until then is still measured and drawn.
    catchError((caught: unknown) => {
      error = caught instanceof Error ? caught : new Error(String(caught));
      return EMPTY;
    }),
    connect((events) =>
      forkJoin({
        // The source (stage 0 of an empty pipeline) is measured as stage 0.
        metrics: events.pipe(measureStages(Math.max(1, stages.length), measured, referenceAt, plan.metrics)),
        // MCMC stages: diagnostics and the pooled kept states.
        chains: events.pipe(traceChains(stages.map((stage) => stage.chains), config.measure.chains, referenceAt, plan.metrics)),
        collector: events.pipe(collectFigures(figures)),
        stats: events.pipe(summariseStages(stages.length)),
      }),
    ),
  );

  // Until the end, metrics.json says `running` and how far the run got (the journal holds the snapshots).
  const running = () => ({
    run: config.name,
    seed: config.seed,
    particles: config.particles,
    status: 'running',
    startedAt,
    updatedAt: new Date().toISOString(),
    particleFile: JOURNAL_FILE,
    snapshotsWritten: population.snapshots,
    lastSnapshot: last ?? null,
  });
  live.write(running());
  progress.start(population.total);
  let outcome: Partial<RunOutcome> = {};
  try {
    outcome = await lastValueFrom(run);
  } catch (caught) {
    // What follows the stream failed (a measure, a trace): the run is failed, its snapshots kept.
    error ??= caught instanceof Error ? caught : new Error(String(caught));
  } finally {
    writer.close();
  }
  let particleFile: string | undefined = JOURNAL_FILE;
  try {
    particleFile = await writer.finish();
  } catch (caught) {
    error ??= new Error(`could not write the particle file (${JOURNAL_FILE} keeps every snapshot): ${(caught as Error).message}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const status = error !== undefined ? 'failed' : ctx.signal.aborted ? 'interrupted' : 'completed';
  const metrics = outcome.metrics ?? [];
  const stats = outcome.stats ?? stages.map(() => ({}));
  // Warnings of MCMC stages (one chain judged alone) go to stderr too.
  const chainReports = outcome.chains ?? [];
  chainReports.forEach((report, index) => report?.chains.warnings?.forEach((warning) => ctx.logger.warn(`stage ${index} (${stages[index].type}): ${warning}`)));
  const context = { outDir, run: config.name, dim: config.dim, stages, referenceAt, metrics };
  const figureRecords = figures.length === 0 || outcome.collector === undefined ? [] : await renderFigures(figures, outcome.collector, context);
  writeJsonAtomic(outputPath(outDir, 'metrics'), {
    run: config.name,
    seed: config.seed,
    particles: config.particles,
    status,
    stoppedAt: status === 'completed' ? null : (last ?? null),
    error: error?.message ?? null,
    particleFile: particleFile ?? null,
    measuredParticles: measured,
    referenceParticles: plan.reference === undefined ? 0 : config.measure.referenceParticles,
    stages: stages.map((stage) => ({
      stage: stage.index,
      type: stage.type,
      stats: stats[stage.index] ?? {},
      ...chainReports[stage.index],
    })),
    snapshots: metrics,
    figures: figureRecords,
  });
  return { status, error, last, snapshotsWritten: population.snapshots, particleSteps: population.done, seconds, metrics, stats, figures: figureRecords, particleFile };
}
