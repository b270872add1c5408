import type { AnyPlugin } from '@scoreflow/core';
import { networkClassifierPlugin } from './network-classifier-plugin.js';
import { networkPlugin } from './network-plugin.js';
import { networkVelocityPlugin } from './network-velocity-plugin.js';

export { type CheckpointInfo, readCheckpointInfo } from './read-checkpoint-info.js';
export { networkOptions, networkPlugin } from './network-plugin.js';
export { networkVelocityOptions, networkVelocityPlugin } from './network-velocity-plugin.js';
export { networkClassifierOptions, networkClassifierPlugin } from './network-classifier-plugin.js';

/** The Node-only score-model plugins of this package (they read checkpoint folders), for `createRegistry`. */
export const scoreNetNodePlugins: readonly AnyPlugin[] = [networkPlugin, networkClassifierPlugin, networkVelocityPlugin];
