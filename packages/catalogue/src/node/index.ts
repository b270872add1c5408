// @scoreflow/catalogue/node: every plugin scoreflow ships, for Node (files, trained networks).
export { browserPlugins } from '../browser-plugins.js';
export { createBrowserRegistry } from '../browser-registry.js';
export { nodePlugins } from './node-plugins.js';
export { createNodeRegistry } from './node-registry.js';
