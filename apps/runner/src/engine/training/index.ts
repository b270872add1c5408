export { type EngineTrainer, type EngineTrainerOptions, createEngineTrainer } from './engine-trainer.js';
export { type GradientWork, decodeGradients, encodeRows, encodeWeights, gradientWorker } from './gradient-work.js';
