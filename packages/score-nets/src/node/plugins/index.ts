import type { AnyPlugin } from '@scoreflow/core';
import { networkPlugin } from './network-plugin.js';

export { type CheckpointInfo, readCheckpointInfo } from './read-checkpoint-info.js';
export { networkOptions, networkPlugin } from './network-plugin.js';

/** The Node-only score-model plugins of this package (they read checkpoint folders), for `createRegistry`. */
export const scoreNetNodePlugins: readonly AnyPlugin[] = [networkPlugin];
