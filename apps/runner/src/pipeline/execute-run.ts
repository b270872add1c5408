import { type ParticleBatch, checkFinite, finalSnapshots, stageTagger, stepsOf, timesOf } from '@scoreflow/core';
import { type Observable, finalize, identity, lastValueFrom, tap } from 'rxjs';
import { type FigureRecord, type PlannedFigure, createFigureCollector, renderFigures } from '../figures/index.js';
import { populationProgress } from '../progress/population-progress.js';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import { JOURNAL_FILE, type ParticleFormat, liveStatus, openParticleOutput, outputPath, writeJsonAtomic } from '../output/index.js';
import type { RunPlan } from './build-run.js';
import { chainTraces } from './chain-traces.js';
import { type StageMetrics, stageMeasurer } from './measure-stages.js';
import { referenceSampler } from './reference-sampler.js';

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
  /** The figures drawn (or not, with why) into the output folder. */
  readonly figures: FigureRecord[];
  /** The particle file written (`trajectories.arrow` or `.parquet`), or the journal left when it could not be. */
  readonly particleFile?: string;
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
 */
export async function executeRun(plan: RunPlan, outDir: string, progress: ProgressReporter, figures: readonly PlannedFigure[] = []): Promise<RunResult> {
  const { config, ctx, stages } = plan;
  writeJsonAtomic(outputPath(outDir, 'config'), plan.resolved);
  const referenceAt = plan.reference === undefined ? undefined : await referenceSampler(plan.reference.source, plan.reference.ctx, plan.sde);
  // The source (stage 0 of an empty pipeline) is measured as stage 0.
  const measurer = stageMeasurer(Math.max(1, stages.length), Math.min(config.measure.particles, config.particles));
  const traces = chainTraces(stages.map((stage) => stage.chains), config.measure.chains);
  const collector = createFigureCollector(figures);
  const format: ParticleFormat = config.output?.format ?? 'arrow';
  const writer = openParticleOutput(outDir, format);
  const live = liveStatus(outputPath(outDir, 'metrics'));
  const startedAt = new Date().toISOString();
  // Stages are numbered from 0, as in the config (`pipeline.0`); an empty pipeline's one snapshot,
  // the source's, is stage 0 named `source`.
  const counted = stages.length === 0 ? [{ type: 'source', steps: 0, warmup: 0, chains: false }] : stages;
  const population = populationProgress(counted, config.particles);
  const tagStage = stageTagger(counted.map((stage) => stage.type));
  let last: RunPosition | undefined;
  const started = performance.now();

  const record = (stage: number) =>
    tap((batch: ParticleBatch) => {
      writer.write(tagStage(batch, stage));
      measurer.add(stage, batch);
      collector.add(stage, batch);
      if (stages.length > 0) traces.add(stage, batch);
      last = { stage, type: counted[stage].type, step: stepsOf(batch)[0] ?? 0, t: timesOf(batch)[0] ?? Number.NaN };
      const { done, label } = population.record(stage, batch);
      progress.update(done, label);
      live.update(running);
    });

  // The source's batches are checked like a stage's steps, before anything is written.
  let stream: Observable<ParticleBatch> = plan.source.sample(ctx).pipe(checkFinite(plan.source.name));
  if (stages.length === 0) stream = stream.pipe(record(0));
  stages.forEach((stage, index) => {
    const isLast = index === stages.length - 1;
    stream = stream.pipe(stage.stage, record(index), isLast ? identity : finalSnapshots());
  });

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
  let error: Error | undefined;
  try {
    await lastValueFrom(stream.pipe(finalize(() => progress.stop())), { defaultValue: undefined });
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
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
  const metrics = referenceAt === undefined ? [] : measurer.measure(referenceAt, plan.metrics);
  // MCMC stages: diagnostics and the pooled kept states; their warnings (one chain judged alone) go to stderr too.
  const chainReports = stages.map((stage) => traces.report(stage.index, referenceAt, plan.metrics));
  chainReports.forEach((report, index) => report?.chains.warnings?.forEach((warning) => ctx.logger.warn(`stage ${index} (${stages[index].type}): ${warning}`)));
  const context = { outDir, run: config.name, dim: config.dim, stageTypes: stages.map((stage) => stage.type), referenceAt, metrics };
  const figureRecords = figures.length === 0 ? [] : await renderFigures(figures, collector, context);
  writeJsonAtomic(outputPath(outDir, 'metrics'), {
    run: config.name,
    seed: config.seed,
    particles: config.particles,
    status,
    stoppedAt: status === 'completed' ? null : (last ?? null),
    error: error?.message ?? null,
    particleFile: particleFile ?? null,
    measuredParticles: Math.min(config.measure.particles, config.particles),
    referenceParticles: plan.reference === undefined ? 0 : config.measure.referenceParticles,
    stages: stages.map((stage) => ({
      stage: stage.index,
      type: stage.type,
      stats: ctx.stats.summary()[`pipeline.${stage.index}`] ?? {},
      ...chainReports[stage.index],
    })),
    snapshots: metrics,
    figures: figureRecords,
  });
  return { status, error, last, snapshotsWritten: population.snapshots, particleSteps: population.done, seconds, metrics, figures: figureRecords, particleFile };
}
