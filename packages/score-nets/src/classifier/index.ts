export { type NoisyClassifierOptions, classifierClasses, noisyClassifier } from './noisy-classifier.js';
export { classifierLoss } from './classifier-loss.js';
export { createClassifierTrainer } from './classifier-trainer.js';
export { classifierProbabilities, classifierScore } from './classifier-score.js';
