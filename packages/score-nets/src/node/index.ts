/**
 * Node-only parts of `@scoreflow/score-nets` (they use the file system). Import from
 * `@scoreflow/score-nets/node`; the main entry stays browser-safe.
 */
export { MODEL_JSON, WEIGHTS_BIN, fileCheckpoint } from './file-checkpoint.js';
export { enableRelaxedSimd } from './relaxed-simd.js';
export * from './plugins/index.js';
export * from './parallel/index.js';
export * from './training-folder/index.js';
