import type { AnyPlugin } from '@scoreflow/core';
import { dataSourceNodePlugins } from '@scoreflow/data-sources/node';
import { scoreNetNodePlugins } from '@scoreflow/score-nets/node';
import { browserPlugins } from '../browser-plugins.js';

/**
 * Every plugin scoreflow ships, for Node: the browser-safe ones (`browserPlugins`) and those that
 * read files or start worker threads (file data sources, trained networks).
 */
export const nodePlugins: readonly AnyPlugin[] = [...browserPlugins, ...dataSourceNodePlugins, ...scoreNetNodePlugins];
