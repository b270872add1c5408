import { type AnyPlugin, type Registry, createRegistry } from '@scoreflow/core';
import { browserPlugins } from './browser-plugins.js';

/**
 * A registry of every browser-safe plugin (`browserPlugins`), and of `extra` plugins (a test's
 * own, a story's): a plugin of a kind and name already there throws `DuplicatePluginError`.
 *
 * @example
 * const registry = createBrowserRegistry();
 * const figure = registry.create('figure', { type: 'snapshot', file: 'a.png' }, { run, path: 'figures.0' });
 */
export const createBrowserRegistry = (...extra: Iterable<AnyPlugin>[]): Registry => createRegistry(browserPlugins, ...extra);
