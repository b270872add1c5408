export { dsmLoss } from './dsm-loss.js';
export { type Trainer, type TrainerOptions, type TrainerState, createTrainer, disposeTrainerState } from './trainer.js';
export { type TrainOptions, type TrainProgress, train } from './train.js';
