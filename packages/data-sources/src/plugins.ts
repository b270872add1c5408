import type { AnyPlugin } from '@scoreflow/core';
import { gaussianPlugin } from './gaussian/gaussian-plugin.js';
import { gaussianMixturePlugin } from './gaussian-mixture/gaussian-mixture-plugin.js';
import { priorPlugin } from './prior/prior-plugin.js';
import { toyPlugins } from './toy/toy-plugins.js';

/** Every data-source plugin of this package, for `createRegistry`. */
export const dataSourcePlugins: readonly AnyPlugin[] = [gaussianMixturePlugin, gaussianPlugin, priorPlugin, ...toyPlugins];
