import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScoreflowError } from '@scoreflow/core';

/** The files a run writes into its output folder. */
export const OUTPUT_FILES = {
  trajectories: 'trajectories.arrow',
  metrics: 'metrics.json',
  config: 'config.resolved.json',
} as const;

/** Throws unless `dir` can take a run's output: missing, empty, or `force` (see `prepareOutputFolder`). Writes nothing. */
export function checkOutputFolder(dir: string, force: boolean): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new ScoreflowError(`Output path ${dir} exists and is not a folder.`);
    if (!force && readdirSync(dir).length > 0) {
      throw new ScoreflowError(`Output folder ${dir} already exists and is not empty; pass --force to overwrite it, or --out to choose another.`);
    }
  }
}

/**
 * Makes sure `dir` can take a run's output: created when missing; an existing non-empty folder
 * is refused unless `force` (then only the run's own files are replaced).
 */
export function prepareOutputFolder(dir: string, force: boolean): void {
  checkOutputFolder(dir, force);
  mkdirSync(dir, { recursive: true });
}

/** Writes JSON through a temporary file and a rename, so that a reader never sees half a file. */
export function writeJsonAtomic(path: string, value: unknown): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}

export const outputPath = (dir: string, file: keyof typeof OUTPUT_FILES): string => join(dir, OUTPUT_FILES[file]);
