export { type DenseShape, type MlpShape, WEIGHT_TILE, mlpShape } from './mlp-shape.js';
export { mlpTimeFeatures } from './time-features.js';
export { MLP_WORKGROUP } from './dense-wgsl.js';
export { type MlpBindings, type MlpScoreWgsl, mlpScoreWgsl } from './score-wgsl.js';
export { type MlpScorer, createMlpScorer } from './mlp-scorer.js';
export { type DsmRows, type MlpAdamState, type MlpTrainer, type MlpTrainerOptions, createMlpTrainer } from './mlp-trainer.js';
