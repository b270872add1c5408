/**
 * Node-only data sources of `@scoreflow/data-sources` (they read files). Import from
 * `@scoreflow/data-sources/node`; the main entry stays browser-safe.
 */
import type { AnyPlugin } from '@scoreflow/core';
import { arrowPlugin } from '../files/arrow/arrow-plugin.js';
import { csvPlugin } from '../files/csv/csv-plugin.js';
import { parquetPlugin } from '../files/parquet/parquet-plugin.js';
import { fashionMnistPlugin } from '../images/fashion-mnist-plugin.js';

export { DataFileError, type DataFileLocation } from '../files/data-file-error.js';
export { dataFileInputError, withDataFileInput } from '../files/data-file-input.js';
export type { ColumnRef } from '../files/column-selection.js';
export type { RowBlock, RowBlockReader } from '../files/row-block.js';
export { type RowBlockFile, emitRowBlocks } from '../files/emit-row-blocks.js';
export { type CsvSourceOptions, csvSource } from '../files/csv/csv-source.js';
export { csvOptions, csvPlugin } from '../files/csv/csv-plugin.js';
export { type ArrowSourceOptions, arrowSource } from '../files/arrow/arrow-source.js';
export { arrowOptions, arrowPlugin } from '../files/arrow/arrow-plugin.js';
export { type ParquetSourceOptions, parquetSource } from '../files/parquet/parquet-source.js';
export { parquetOptions, parquetPlugin } from '../files/parquet/parquet-plugin.js';
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, IDX_UNSIGNED_BYTE, type IdxHeader, decodeIdxHeader } from '../images/idx-header.js';
export { type IdxFile, readIdxHeader } from '../images/idx-file.js';
export { poolImages } from '../images/pool-images.js';
export { type IdxImageSourceOptions, idxImageSource } from '../images/idx-image-source.js';
export { FASHION_MNIST_DIR, type FashionMnistSplit, fashionMnistFiles } from '../images/fashion-mnist-files.js';
export { fashionMnistOptions, fashionMnistPlugin } from '../images/fashion-mnist-plugin.js';

/** The file and image data-source plugins (Node only), for `createRegistry` beside `dataSourcePlugins`. */
export const dataSourceNodePlugins: readonly AnyPlugin[] = [csvPlugin, arrowPlugin, parquetPlugin, fashionMnistPlugin];
