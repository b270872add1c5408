import { eulerMaruyamaPlugin } from './reverse/euler-maruyama-plugin.js';
import { forwardPlugin } from './forward/forward-plugin.js';

export { type ForwardDiffusionOptions, type ForwardMethod, forwardDiffusion } from './forward/forward-diffusion.js';
export { forwardPlugin } from './forward/forward-plugin.js';
export { type EulerMaruyamaOptions, eulerMaruyama } from './reverse/euler-maruyama.js';
export { eulerMaruyamaPlugin } from './reverse/euler-maruyama-plugin.js';
export { SPACINGS, type Spacing, timeGrid } from './shared/time-grid.js';
export { samplerOptions } from './shared/options.js';

/** Every sampler plugin of this package. */
export const samplerPlugins = [forwardPlugin, eulerMaruyamaPlugin] as const;
