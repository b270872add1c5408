export { type EngineCheckpoints, engineCheckpoints } from './engine-checkpoints.js';
export { TRAINING_CHECKPOINT_FILES, readTrainingFiles, writeTrainingFiles } from './training-files.js';
