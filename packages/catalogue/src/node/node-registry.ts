import { type AnyPlugin, type Registry, createRegistry } from '@scoreflow/core';
import { nodePlugins } from './node-plugins.js';

/**
 * A registry of every plugin scoreflow ships for Node (`nodePlugins`), and of `extra` plugins: the
 * registry the `scoreflow` CLI runs configs with.
 */
export const createNodeRegistry = (...extra: Iterable<AnyPlugin>[]): Registry => createRegistry(nodePlugins, ...extra);
