import { join } from 'node:path';
import { writeFileAtomic } from '@scoreflow/core/node';

/** The files every command writes into its output folder (beside its own). */
export const OUTPUT_FILES = {
  metrics: 'metrics.json',
  config: 'config.resolved.json',
} as const;

/** Each file and the temporary file it is written through (`writeFileAtomic`: `NAME.tmp`). */
export const withTemporaries = (files: readonly string[]): string[] => files.flatMap((file) => [file, `${file}.tmp`]);

/**
 * Writes JSON through a temporary file and a rename, so that a reader never sees half a file and
 * nothing is written through a symbolic link (`writeFileAtomic`).
 */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

export const outputPath = (dir: string, file: keyof typeof OUTPUT_FILES): string => join(dir, OUTPUT_FILES[file]);
