import type { Registry } from '@scoreflow/core';
import { createNodeRegistry } from '@scoreflow/catalogue/node';

/** The registry of every plugin scoreflow ships, for Node (`@scoreflow/catalogue`'s `nodePlugins`). */
export function scoreflowRegistry(): Registry {
  return createNodeRegistry();
}
