import { join, resolve } from 'node:path';
import { ConfigError, type Logger, didYouMean } from '@scoreflow/core';
import { readConfigFile } from '../config/config-file.js';
import type { ConfigOverrides } from '../config/overrides.js';
import { isTrainConfig } from '../config/train-config.js';
import { prepareTraining } from '../training/prepare-training.js';
import { OUTPUT_FILES, claimOutputFolder, particleOutputFiles, withTemporaries } from '../output/index.js';
import { prepareRun } from '../pipeline/prepare-run.js';
import { executeRun } from '../pipeline/execute-run.js';
import type { RunPlan } from '../pipeline/build-run.js';
import type { RunEvent } from '../pipeline/run-events.js';
import type { Observable } from 'rxjs';
import { withRunAccelerator } from '../pipeline/run-accelerator.js';
import { type ProgressReporter, createProgressReporter } from '../progress/progress-reporter.js';
import { scoreflowRegistry } from '../registry.js';
import { summaryTable } from '../report/summary-table.js';
import { describePlugin, formatPluginList } from './describe-plugins.js';
import { exitCodeOf } from './error-exit.js';

/** Where commands write: stdout for results, stderr for progress and messages. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Progress of runs; a bar or lines on stderr by default. */
  readonly progress?: ProgressReporter;
}

export interface RunCommandOptions extends ConfigOverrides {
  readonly out?: string;
  readonly force?: boolean;
  /** The particle file's format, `arrow` or `parquet` (the config's `output.format`). */
  readonly format?: string;
  readonly signal?: AbortSignal;
  /** Where the run's events come from: in this process by default; a distributed engine's coordinator with `--engine` (`distributedEvents`). */
  readonly runEvents?: (plan: RunPlan) => Observable<RunEvent>;
}

const stderrLogger = (io: Io): Logger => ({
  info: (message) => io.err(message),
  warn: (message) => io.err(`warning: ${message}`),
  debug: () => undefined,
});

/**
 * Exit codes: 0 done, 1 the run failed, 2 it stopped on bad input found while it ran (a
 * `ConfigError`, e.g. a checkpoint whose weights cannot be read), 130 interrupted (as a shell
 * reports SIGINT; also when Ctrl-C came after the last step, with the output complete). Bad input
 * found before it runs throws `ConfigError`.
 */
export async function runCommand(configFile: string, options: RunCommandOptions, io: Io): Promise<number> {
  const overrides = options.format === undefined ? options : { ...options, set: [...(options.set ?? []), `output.format=${options.format}`] };
  const { plan, figures } = prepareRun(configFile, overrides, scoreflowRegistry(), { signal: options.signal, logger: stderrLogger(io) });
  const { config } = plan;
  const outDir = resolve(options.out ?? `out/${config.name}`);
  // A GPU run acquires its device first (a machine without one fails before anything is written) and frees it at the end.
  const result = await withRunAccelerator(config, plan.accelerator, async () => {
    // Locked while the run writes; --force replaces only what an earlier run listed in its manifest.
    const folder = claimOutputFolder(outDir, {
      mode: options.force === true ? 'replace' : 'fresh',
      command: `scoreflow run ${configFile}`,
      files: [...withTemporaries([OUTPUT_FILES.config, OUTPUT_FILES.metrics, ...figures.map((planned) => planned.figure.file)]), ...particleOutputFiles(config.output?.format ?? 'arrow')],
    });
    try {
      return await executeRun(plan, outDir, io.progress ?? createProgressReporter(), figures, options.runEvents);
    } finally {
      folder.release();
    }
  });
  io.out(summaryTable(plan, result));
  io.out(`output: ${outDir}`);
  for (const figure of result.figures) {
    if (figure.written) io.out(`figure: ${join(outDir, figure.file)}`);
    else io.err(`figure ${figure.file} not written: ${figure.note}`);
    if (figure.written && figure.note !== undefined) io.err(`warning: figure ${figure.file}: ${figure.note}`);
  }
  const where = result.last === undefined ? 'before the first snapshot' : `after stage ${result.last.stage} (${result.last.type}) step ${result.last.step}, t = ${result.last.t}`;
  const kept = result.particleFile === undefined ? 'no snapshot was written.' : `${result.particleFile} holds every snapshot finished so far.`;
  if (result.status === 'interrupted') {
    io.err(`Interrupted ${where}; ${kept}`);
    return 130;
  }
  if (result.status === 'failed') {
    io.err(`error: run failed ${where}: ${result.error?.message}\n${kept}`);
    return exitCodeOf(result.error);
  }
  return interruptedAfterLastStep(options.signal, io);
}

/** A Ctrl-C that came after the last step: the output is complete, and the exit code says it was interrupted (130). */
function interruptedAfterLastStep(signal: AbortSignal | undefined, io: Io): number {
  if (signal?.aborted !== true) return 0;
  io.err('Interrupt received after the last step: the output is complete.');
  return 130;
}

/**
 * Checks a config and every plugin in it without running anything. A config with a `training`
 * field is a train config (`scoreflow train`), any other a run config.
 */
export function validateCommand(configFile: string, overrides: ConfigOverrides, io: Io): number {
  if (isTrainConfig(readConfigFile(configFile))) return validateTrainConfig(configFile, overrides, io);
  const { plan, figures } = prepareRun(configFile, overrides, scoreflowRegistry(), { logger: stderrLogger(io) });
  const { config } = plan;
  const figureNote = figures.length === 0 ? '' : `, ${figures.length} figure${figures.length === 1 ? '' : 's'}`;
  io.out(`${configFile}: valid (${plan.stages.length} stage${plan.stages.length === 1 ? '' : 's'}, ${plan.metrics.length} metrics, ${config.particles} particles${figureNote})`);
  return 0;
}

/** Lists every plugin with its options and defaults, as text or JSON. */
export function listCommand(options: { json?: boolean; kind?: string }, io: Io): number {
  const registry = scoreflowRegistry();
  const plugins = registry.list().filter((plugin) => options.kind === undefined || plugin.kind === options.kind);
  if (options.kind !== undefined && plugins.length === 0) {
    const kinds = [...new Set(registry.list().map((plugin) => plugin.kind))];
    throw new ConfigError(`--kind: unknown plugin kind '${options.kind}'${didYouMean(options.kind, kinds)}. Kinds: ${kinds.join(', ')}.`, []);
  }
  const descriptions = plugins.map(describePlugin);
  io.out(options.json === true ? JSON.stringify(descriptions, null, 2) : formatPluginList(descriptions));
  return 0;
}

/** Checks a train config: its fields, its data source and SDE. */
function validateTrainConfig(configFile: string, overrides: ConfigOverrides, io: Io): number {
  const plan = prepareTraining(configFile, overrides, scoreflowRegistry());
  const { config } = plan;
  const { network, training } = config;
  const exact = plan.exactScore === undefined ? '' : ', exact score';
  io.out(
    `${configFile}: valid train config (data ${config.data.type}, ${plan.data.dim}-D; ${config.sde === undefined ? `objective ${training.objective}` : `sde ${config.sde.type}`}; network ${network.type === 'unet' ? `unet ${network.height}x${network.width}x${network.channels} x${network.baseChannels}` : `${network.depth}x${network.width} ${network.activation}`} ${network.output}; ${training.steps} steps, batch ${training.batchSize}${exact})`,
  );
  return 0;
}
