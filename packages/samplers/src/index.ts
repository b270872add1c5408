import { eulerMaruyamaPlugin } from './reverse/euler-maruyama-plugin.js';
import { forwardPlugin } from './forward/forward-plugin.js';

export { type ForwardDiffusionOptions, type ForwardMethod, forwardDiffusion } from './forward/forward-diffusion.js';
export { forwardPlugin } from './forward/forward-plugin.js';
export { type EulerMaruyamaOptions, eulerMaruyama } from './reverse/euler-maruyama.js';
export { eulerMaruyamaPlugin } from './reverse/euler-maruyama-plugin.js';
export { reverseSamplerShape, samplerOptions } from './shared/options.js';
export { type ReverseSamplerOptions, type SamplerState, type SamplerStats, type SamplerStep, reverseSampler } from './shared/reverse-sampler.js';
export { type CommonSamplerConfig, resolveSampler } from './shared/resolve-sampler.js';
export { denoise } from './shared/denoiser.js';

/** Every sampler plugin of this package. */
export const samplerPlugins = [forwardPlugin, eulerMaruyamaPlugin] as const;
