export { LOSS_DECAY, type LossAverage, averageLoss, lossAverage } from './loss-average.js';
export { LOSS_CSV_HEADER, type LossHistory, emptyLossHistory, lossHistoryCsv, parseLossHistory } from './loss-history.js';
export { type LearnedScoreError, learnedScoreError } from './learned-score-error.js';
export type { SessionCheckpoint, SessionHooks, SessionOutcome, SessionStep, TrainerFactory, TrainingResume, TrainingSessionOptions } from './session-options.js';
export { type TrainingSession, trainingSession } from './training-session.js';
