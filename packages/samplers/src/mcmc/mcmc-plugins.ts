import { hmcPlugin } from './hmc-plugin.js';
import { malaPlugin } from './mala-plugin.js';
import { randomWalkMetropolisPlugin } from './random-walk-metropolis-plugin.js';

/** Every MCMC sampler plugin (stages in which each particle is one chain). */
export const mcmcPlugins = [randomWalkMetropolisPlugin, malaPlugin, hmcPlugin] as const;
