export { SAMPLER_CASES } from './sampler-contract/cases/index.js';
export { SDE_SETUPS, type SamplerCase, type SdeSetup } from './sampler-contract/sampler-case.js';
export { modeStats, registry, runCase } from './sampler-contract/run-case.js';
export { FIGURE_DIM, figureEntry, figureInput, inkOf } from './figure-contract/figure-case.js';
export { CONDITIONING_CASES } from './conditioning-contract/conditioning-cases.js';
export { CONTRACT_OBSERVATION, type ConditioningCase, observedPosterior } from './conditioning-contract/conditioning-case.js';
