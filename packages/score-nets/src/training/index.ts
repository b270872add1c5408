export { type DsmBatch, type DsmDraw, type Weighting, WEIGHTINGS, drawDsmBatch, dsmBatchRows } from './dsm-batch.js';
export { dsmLoss } from './dsm-loss.js';
export { type ClippedAdam, OPTIMIZER_DEFAULTS, type OptimizerOptions, type TrainerState, clippedAdam, disposeTrainerState } from './optimizer.js';
export { type StepLoss, TRAINER_DEFAULTS, type Trainer, type TrainerOptions, type TrainerSettings, adamTrainer, createTrainer, trainerBatch, trainerSettings } from './trainer.js';
export { TRAIN_DEFAULTS, type TrainOptions, type TrainProgress, YIELD_EVERY_MS, train } from './train.js';
