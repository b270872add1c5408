export { type FlowSamplerOptions, flowSampler, flowTimes, flowVelocity } from './flow-sampler.js';
export { flowEuler } from './flow-euler.js';
export { flowHeun } from './flow-heun.js';
export { type FlowRk45Options, flowRk45 } from './flow-rk45.js';
export { type FlowSamplerPluginSpec, flowSamplerPlugin } from './flow-sampler-plugin.js';
export { flowEulerPlugin, flowHeunPlugin, flowPlugins, flowRk45Plugin } from './flow-plugins.js';
