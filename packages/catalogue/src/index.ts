// @scoreflow/catalogue: every plugin scoreflow ships, browser-safe (this entry) and for Node (`./node`).
export { browserPlugins } from './browser-plugins.js';
export { createBrowserRegistry } from './browser-registry.js';
