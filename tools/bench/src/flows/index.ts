export { type EulerFlow, eulerFlow, meanAndSpread, w2 } from './flow-measures.js';
export { type FlowMethod, type FlowOutcome, type FlowProtocol, type Trained, trainFlowMethod } from './flow-method.js';
export { type FlowNll, flowNll } from './flow-nll.js';
export { KDE_BANDWIDTHS, kdeNll } from './kde-nll.js';
export { eightGaussiansMixture, sample8Gaussians, sampleMoons } from './torchcfm-data.js';
export { KDE_POINTS, type SeedOutcome, flowsSeed } from './flows-seed.js';
export { flowsSeeds } from './flows-seeds.js';
