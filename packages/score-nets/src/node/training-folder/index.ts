export { replaceFolder, saveCheckpointFolder } from './checkpoint-folder.js';
export { readLossHistory, writeLossHistory } from './loss-csv.js';
export { CHECKPOINT_DIR, LOSS_CSV, type TrainingFolder, trainingFolder, trainingFolderFiles } from './training-folder.js';
