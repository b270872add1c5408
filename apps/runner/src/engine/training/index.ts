export { type EngineTrainer, type EngineTrainerOptions, createEngineTrainer } from './engine-trainer.js';
export { type GradientWork, decodeGradients, encodeRows, gradientWorker, weightBytes } from './gradient-work.js';
