import type { DataSource } from '@scoreflow/core';
import { arrowSource } from '../arrow/arrow-source.js';
import { csvSource } from '../csv/csv-source.js';
import { parquetSource } from '../parquet/parquet-source.js';
import { idxImageSource } from '../../images/idx-image-source.js';

/** The file sources by name, each from its options (test helper). */
const SOURCES = {
  csv: csvSource,
  arrow: arrowSource,
  parquet: parquetSource,
  idx: idxImageSource,
} as const;

/** A file source to create from plain data (so that a worker thread can be sent it): which one, and its options (test helper). */
export type FileCase = {
  readonly [K in keyof typeof SOURCES]: { readonly name: string; readonly source: K; readonly options: Parameters<(typeof SOURCES)[K]>[0] };
}[keyof typeof SOURCES];

/** Creates the source a `FileCase` names (test helper). */
export function createFileSource(fileCase: FileCase): DataSource {
  const create = SOURCES[fileCase.source] as (options: FileCase['options']) => DataSource;
  return create(fileCase.options);
}
