export { type TimeEmbedding, type TimeEmbeddingKind, fourierEmbedding, sinusoidalEmbedding } from './time-embedding.js';
export { OUTPUT_KINDS, type OutputKind, scoreOf } from './parameterisation.js';
export { type Activation, type MlpOptions, type MlpScoreNetwork, type ScoreNetwork, mlpScoreNetwork } from './mlp.js';
export { networkScore } from './network-score.js';
export { assignFlatWeights, flattenTensors, unflattenTensors } from './flat-weights.js';
