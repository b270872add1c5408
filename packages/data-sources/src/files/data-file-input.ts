import { catchError, throwError } from 'rxjs';
import { ConfigError, type DataSource } from '@scoreflow/core';
import { DataFileError } from './data-file-error.js';

/**
 * A data file that cannot be read is bad input, like a bad option: as a `ConfigError` (the CLI
 * exits 2) with one issue at the config path of the source that reads it (`source`,
 * `reference`, `pipeline.0.score.data`), the `DataFileError`'s message as the issue's message
 * and the `DataFileError` as its `cause`. The same shape as the registry gives an error thrown
 * when the source is created.
 *
 * @example
 * dataFileInputError(error, 'source').message;
 * // "Invalid data file:\n  - source: data.csv: row 7, column 'y': non-numeric cell: expected a number, got 'abc'."
 */
export function dataFileInputError(error: DataFileError, path: string): ConfigError {
  return new ConfigError('Invalid data file', [{ path, message: error.message }], { cause: error });
}

/**
 * The source `create` makes, reporting its data file's problems as bad input at `path`: a
 * `DataFileError` thrown by `create` (a missing file or column, an unreadable header) or ending
 * the stream (a bad row, a truncated or corrupt file found while reading) becomes
 * `dataFileInputError(error, path)`; other errors pass as they are. What the file plugins return.
 *
 * @example
 * withDataFileInput(ctx.path, () => csvSource(options));
 */
export function withDataFileInput(path: string, create: () => DataSource): DataSource {
  const asInput = (error: unknown): unknown => (error instanceof DataFileError ? dataFileInputError(error, path) : error);
  let source: DataSource;
  try {
    source = create();
  } catch (error) {
    throw asInput(error);
  }
  return { ...source, sample: (ctx) => source.sample(ctx).pipe(catchError((error: unknown) => throwError(() => asInput(error)))) };
}
