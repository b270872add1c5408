export { TIME_EMBEDDINGS, type TimeEmbedding, type TimeEmbeddingKind, fourierEmbedding, sinusoidalEmbedding } from './time-embedding.js';
export { OUTPUT_KINDS, type OutputKind, scoreOf } from './parameterisation.js';
export { ACTIVATIONS, type Activation, MLP_DEFAULTS, type MlpOptions, type MlpScoreNetwork, type ScoreNetwork, mlpScoreNetwork } from './mlp.js';
export { networkScore } from './network-score.js';
export { describeMlp, mlpOf } from './describe-mlp.js';
export { deferredMlpDescription } from './deferred-mlp-description.js';
export { type NetworkDivergence, networkDivergence } from './network-divergence.js';
export { type DivergenceMethod, jacobianDivergence } from './jacobian-divergence.js';
export { assignFlatWeights, flattenTensors, unflattenTensors } from './flat-weights.js';
